/* Every HTTP call the pages make goes through CallCenter.api, so that every page treats a refusal
   the same way:
   - a 2xx answer resolves to its parsed JSON body (null for an empty body or 204);
   - any other answer rejects with an Error carrying {status, type, title, detail, retryAfter,
     problem} (problem: the whole problem details object, {} when there were none),
     read from RFC 9457 problem details when the body has them; an empty or non-JSON body (a 429
     from the rate limiter has none) is a refusal too, never a parse error;
   - a network failure (fetch itself rejects) rejects with status 0 and network: true;
   - 401 from the agent's API means the session is gone: the page goes to the sign-in page.
   CallCenter.problemText turns such an Error into a sentence for a person, and
   CallCenter.coalesce keeps at most one read of the same thing in flight. */
window.CallCenter = window.CallCenter || {};
(function (CallCenter) {
  'use strict';

  var AGENT_API = /^\/api\/agent(\/|\?|$)/;

  CallCenter.api = function (method, url, options) {
    options = options || {};
    var headers = { Accept: 'application/json, application/problem+json' };
    var extra = options.headers || {};
    Object.keys(extra).forEach(function (name) { headers[name] = extra[name]; });
    var init = { method: method, headers: headers, credentials: 'same-origin', cache: 'no-store' };
    if (options.body !== undefined) {
      headers['Content-Type'] = 'application/json';
      init.body = JSON.stringify(options.body);
    }
    return fetch(url, init).then(function (response) {
      return response.text().then(function (text) {
        return answer(response, url, text);
      }, function () {
        return answer(response, url, '');
      });
    }, function (failure) {
      var error = new Error('Connection trouble: the call center could not be reached.');
      error.status = 0;
      error.network = true;
      error.type = null;
      error.title = null;
      error.detail = null;
      error.retryAfter = null;
      error.problem = {};
      error.cause = failure;
      throw error;
    });
  };

  function answer(response, url, text) {
    var body = parse(text);
    if (response.ok) {
      return response.status === 204 ? null : (body === undefined ? null : body);
    }
    if (response.status === 401 && AGENT_API.test(url)) {
      // Signed out (elsewhere, or the session expired): the page is going away, so the promise
      // is left pending rather than making every caller handle a refusal no one will see.
      location.assign('/login');
      return new Promise(function () {});
    }
    var problem = (body && typeof body === 'object') ? body : {};
    var error = new Error(str(problem.detail) || str(problem.title) || ('The request failed (HTTP ' + response.status + ').'));
    error.status = response.status;
    error.network = false;
    error.type = str(problem.type);
    error.title = str(problem.title);
    error.detail = str(problem.detail);
    error.retryAfter = retryAfter(response.headers.get('Retry-After'));
    error.problem = problem; // all the problem details said, with the type's own properties (opensAt, ...)
    throw error;
  }

  // undefined for an empty or unparsable body: a refusal must never turn into a SyntaxError.
  function parse(text) {
    if (!text) return undefined;
    try {
      return JSON.parse(text);
    } catch (notJson) {
      return undefined;
    }
  }

  function str(value) {
    return (typeof value === 'string' && value) ? value : null;
  }

  // Retry-After is either seconds or an HTTP date.
  function retryAfter(header) {
    if (!header) return null;
    if (/^\s*\d+\s*$/.test(header)) return parseInt(header, 10);
    var at = Date.parse(header);
    return isNaN(at) ? null : Math.max(0, Math.ceil((at - Date.now()) / 1000));
  }

  /* A sentence for a person. context.name is the caller's name when the action was about one. */
  CallCenter.problemText = function (error, context) {
    var name = (context && context.name) || null;
    if (!error || error.network) return 'Connection trouble: the call center could not be reached. Please try again.';
    var kind = CallCenter.problemKind(error);
    switch (kind) {
      case 'call-ended': return name ? name + ' has already left the call.' : 'This call has already ended.';
      case 'call-not-found': return name ? name + ' has already left the call.' : 'This call no longer exists.';
      case 'caller-reconnecting': return name ? name + "'s connection was lost. You can take the call once " + name + ' is back.' : "The caller's connection was lost. You can take the call once the caller is back.";
      case 'caller-not-connected': return name ? name + ' is not connected right now. Try again when ' + name + ' is back.' : 'The caller is not connected right now.';
      case 'not-your-caller': return name ? name + ' is no longer one of your callers.' : 'This caller is no longer one of yours.';
      case 'call-not-on-hold': return name ? name + ' is not on hold.' : 'This call is not on hold.';
      case 'call-not-in-progress': return name ? 'The call with ' + name + ' is not in progress.' : 'This call is not in progress.';
      case 'agent-offline': return 'You are offline. Go online to take callers.';
      case 'call-not-offered': return name ? name + ' is no longer offered to you.' : 'This caller is no longer offered to you.';
      case 'call-not-ended': return name ? 'The call with ' + name + ' has not ended yet: notes are saved once it has.' : 'This call has not ended yet: notes are saved once it has.';
      case 'token-service-unavailable': return 'The video service is not available right now. Please try again in a moment.';
      case 'temporarily-unavailable': return 'The call center is reconnecting. Please wait a moment.';
      case 'cross-origin-request': return 'This page is not allowed to make that change. Please open the call center from its own address.';
      case 'queue-store-unavailable': return 'The call center is not available right now. Please try again in a moment.';
      default: break;
    }
    if (error.status === 429) {
      return 'Too many requests right now. Please try again in ' + CallCenter.inSeconds(error.retryAfter) + '.';
    }
    return error.detail || error.title || error.message;
  };

  /* The last part of a problem's type ("urn:callcenter:problem:call-ended" or
     "https://…/call-ended": "call-ended"); '' without a type. */
  CallCenter.problemKind = function (error) {
    return (error && error.type) ? String(error.type).split(/[:\/]/).pop() : '';
  };

  /* "1 second", "17 seconds", or "a moment" when the server did not say (Retry-After). */
  CallCenter.inSeconds = function (seconds) {
    if (seconds == null) return 'a moment';
    return seconds === 1 ? '1 second' : seconds + ' seconds';
  };

  /* Wraps task (a function returning a promise) so that at most one run is in flight; calls made
     meanwhile are folded into one more run afterwards. Reads then never arrive out of order. */
  CallCenter.coalesce = function (task) {
    var running = false;
    var again = false;
    function run() {
      if (running) {
        again = true;
        return;
      }
      running = true;
      again = false;
      var done = function () {
        running = false;
        if (again) run();
      };
      Promise.resolve().then(task).then(done, done);
    }
    return run;
  };

  /* The queues' display names by id, from GET /api/queues: resolves to {names, count}; rejects
     when the read fails (the caller tries again later). Agents' and supervisors' pages name each
     caller's queue with it when there are several. */
  CallCenter.readQueueNames = function () {
    return CallCenter.api('GET', '/api/queues').then(function (found) {
      var list = (found && Array.isArray(found.queues)) ? found.queues : [];
      var names = {};
      list.forEach(function (queue) {
        if (queue && typeof queue.id === 'string') names[queue.id] = queue.displayName || queue.id;
      });
      return { names: names, count: Object.keys(names).length };
    });
  };
})(window.CallCenter);
