/* Loads the OpenTok library the suite is configured for: the real OpenTok.js with an OpenTok
   account, the emulator's library otherwise (GET /api/config says which). Also small helpers both
   pages share: elapsed time as text, camera/microphone errors as text, the live tracks of a
   publisher. Needs js/api.js first. */
window.CallCenter = window.CallCenter || {};
window.CallCenter.loadOpenTok = (function () {
  'use strict';
  var loading = null;
  return function () {
    if (loading) return loading;
    loading = CallCenter.api('GET', '/api/config').then(function (config) {
      if (window.OT) return config;
      return new Promise(function (resolve, reject) {
        var script = document.createElement('script');
        script.src = config.openTokJs;
        script.onload = function () { resolve(config); };
        script.onerror = function () { reject(new Error('could not load the video library')); };
        document.head.appendChild(script);
      });
    });
    // a failed load may be tried again later (a network blip must not break the page for good)
    loading.catch(function () { loading = null; });
    return loading;
  };
})();

/* "1 min 3 s" since an ISO instant. */
window.CallCenter.elapsed = function (since) {
  'use strict';
  return window.CallCenter.duration(Date.now() - new Date(since).getTime());
};

/* "1 min 3 s" for a number of milliseconds (whole seconds, rounded down). */
window.CallCenter.duration = function (ms) {
  'use strict';
  var seconds = Math.max(0, Math.floor(ms / 1000));
  if (isNaN(seconds)) seconds = 0;
  var minutes = Math.floor(seconds / 60);
  return (minutes > 0 ? minutes + ' min ' : '') + (seconds % 60) + ' s';
};

/* Why a camera or microphone could not be used, from a DOMException (getUserMedia) or an OpenTok
   error (OT.initPublisher, session.publish), as a short phrase without a final period. */
window.CallCenter.describeMediaError = function (error) {
  'use strict';
  var name = (error && error.name) || '';
  switch (name) {
    case 'NotAllowedError':
    case 'SecurityError':
    case 'PermissionDeniedError':
    case 'OT_USER_MEDIA_ACCESS_DENIED':
      return 'your browser blocks access to it';
    case 'NotFoundError':
    case 'OverconstrainedError':
    case 'DevicesNotFoundError':
    case 'OT_NO_DEVICES_FOUND':
    case 'OT_NO_VALID_CONSTRAINTS':
      return 'no camera or microphone was found';
    case 'NotReadableError':
    case 'TrackStartError':
    case 'AbortError':
    case 'OT_HARDWARE_UNAVAILABLE':
      return 'it is in use by another app or could not be started';
    default:
      break;
  }
  var message = (error && error.message) ? String(error.message) : 'it could not be started';
  // the emulator's library prefixes the browser's message; the rest is what matters
  return message.replace(/^Unable to access camera or microphone:\s*/i, '').replace(/\.$/, '');
};

/* Whether an OT error (or getUserMedia error) is about access to devices rather than the network. */
window.CallCenter.isDeviceError = function (error) {
  'use strict';
  var name = (error && error.name) || '';
  if (/^(NotAllowed|NotFound|NotReadable|Overconstrained|Security|Abort|PermissionDenied|DevicesNotFound|TrackStart)Error$/.test(name)) return true;
  if (/^OT_(USER_MEDIA_ACCESS_DENIED|NO_DEVICES_FOUND|HARDWARE_UNAVAILABLE|NO_VALID_CONSTRAINTS|MEDIA_ERR)/.test(name)) return true;
  return !!(error && (error.code === 1500 || /camera|microphone/i.test(String(error.message || ''))));
};

/* Calls fn and swallows what it throws: tearing down media must never break the page. */
window.CallCenter.quietly = function (fn) {
  'use strict';
  try {
    fn();
  } catch (ignored) {
    // already gone: nothing left to release
  }
};

/* Publishes this page's camera (when withVideo) and microphone into an OpenTok session, for both
   pages. Every OpenTok failure arrives in a completion handler and is reported, never thrown; a
   device failure with video is reported as 'camera' and publishing is tried again with the
   microphone alone. The page keeps its own state through the hooks:
     props(withVideo)   the initPublisher properties
     adopt(p)           p is now the page's publisher
     isCurrent(p)       p is still the page's publisher (a page that left meanwhile lets go of it)
     published(p)       p is in the session
     failed(error, kind) kind 'camera', 'devices' or 'other'; p is gone. Answer false to stop there. */
window.CallCenter.publish = function (session, withVideo, hooks) {
  'use strict';
  var failed = false;
  var p = null;
  function fail(error) {
    if (failed) return;
    failed = true;
    window.CallCenter.quietly(function () { p.destroy(); });
    if (!hooks.isCurrent(p)) return;
    var device = window.CallCenter.isDeviceError(error);
    var kind = (withVideo && device) ? 'camera' : (device ? 'devices' : 'other');
    if (hooks.failed(error, kind) !== false && kind === 'camera') {
      window.CallCenter.publish(session, false, hooks);
    }
  }
  try {
    p = OT.initPublisher('self-video', hooks.props(withVideo), function (error) {
      if (error) {
        fail(error);
      } else if (!hooks.isCurrent(p)) {
        window.CallCenter.quietly(function () { p.destroy(); }); // given up meanwhile: let go of the camera
      }
    });
    hooks.adopt(p);
    session.publish(p, function (error) {
      if (error) {
        fail(error);
      } else if (hooks.isCurrent(p)) {
        hooks.published(p);
      }
    });
  } catch (error) {
    fail(error);
  }
};
