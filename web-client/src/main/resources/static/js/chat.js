/* Chat in the call: the panel both pages share. The pages hold only a mount point
   (<div id="chat-mount" hidden></div>); this file builds the panel there, once, with the ids both
   pages and their tests use: #chat (the panel, titled by #chat-title), #chat-empty, #chat-log,
   #chat-error (role=alert), #chat-form with #chat-input (labelled "Message") and #chat-send, and
   #chat-announcer, a polite status region next to the panel (outside it, so that it is heard even
   while the panel is hidden).

   A message is {seq, from: "caller" | "agent", name, text, at}; seq numbers the messages of one
   call 1, 2, ... So the transcript is kept by seq: a message read and also pushed (or pushed twice)
   shows once, in order, whichever arrived first. The transcript is read whenever the panel opens
   for a call (a load, a reload, a held call resumed) and when the page's live stream reconnects
   (messages pushed meanwhile were missed); pushed messages (a MESSAGE call event) are added as they
   come. Messages from the other side are announced in a polite status region of their own, so a
   screen reader hears "Alice: ..." once, not the transcript, and never the keystrokes.

   CallCenter.Chat({me: 'caller' | 'agent', headers: function () {...}}) answers
   {show(callId, url, title), hide(), pushed(change), reread()}: url is where the call's messages
   are (GET the transcript, POST {text} to send), title the panel's heading ("Chat with Ann"). */
window.CallCenter = window.CallCenter || {};
(function (CallCenter) {
  'use strict';

  var MAX = 1000;

  // What the empty panel says, for the side that reads it.
  var HINTS = {
    agent: 'No messages yet. Messages you and the caller type show here.',
    caller: 'No messages yet. You can type here, for example to spell an order number.'
  };

  // The panel's markup, in place of the page's mount point. No user text in here: messages and
  // names are set with textContent.
  function build(me) {
    var mount = document.getElementById('chat-mount');
    var panel = document.createElement('section');
    panel.className = 'panel chat';
    panel.id = 'chat';
    panel.setAttribute('aria-labelledby', 'chat-title');
    panel.hidden = true;
    panel.innerHTML =
      '<h2 id="chat-title">Chat</h2>' +
      '<p class="muted chat-empty" id="chat-empty"></p>' +
      '<ol class="chat-log" id="chat-log" aria-label="Messages"></ol>' +
      '<p class="error" id="chat-error" role="alert" hidden></p>' +
      '<form class="chat-form" id="chat-form" novalidate>' +
      '<label for="chat-input">Message</label>' +
      '<div class="chat-row">' +
      '<input type="text" id="chat-input" maxlength="' + MAX + '" autocomplete="off">' +
      '<button type="submit" id="chat-send">Send</button>' +
      '</div>' +
      '</form>';
    panel.querySelector('#chat-empty').textContent = HINTS[me] || HINTS.caller;
    var announcer = document.createElement('div');
    announcer.className = 'visually-hidden';
    announcer.id = 'chat-announcer';
    announcer.setAttribute('role', 'status');
    mount.replaceWith(panel, announcer);
  }

  CallCenter.Chat = function (options) {
    var $ = function (id) { return document.getElementById(id); };
    var me = options.me;
    var callId = null;       // the call whose transcript the panel holds
    var url = null;
    var shown = false;
    var messages = {};       // by seq
    var sending = false;
    var retryTimer = null;

    build(me);
    $('chat-form').addEventListener('submit', function (event) {
      event.preventDefault();
      send();
    });
    $('chat-input').addEventListener('input', function () { $('chat-error').hidden = true; });

    function headers() {
      return options.headers ? options.headers() : {};
    }

    // Shows the panel for a call; another call than before starts from an empty transcript.
    function show(id, messagesUrl, title) {
      if (title && $('chat-title').textContent !== title) $('chat-title').textContent = title;
      if (id !== callId) {
        callId = id;
        url = messagesUrl;
        messages = {};
        $('chat-log').replaceChildren();
        $('chat-error').hidden = true;
        $('chat-input').value = '';
        shown = false;
      }
      if (!shown) {
        shown = true;
        $('chat').hidden = false;
        renderEmpty();
        read(); // the transcript so far (also what was said while the panel was hidden)
      }
    }

    function hide() {
      shown = false;
      clearTimeout(retryTimer);
      $('chat').hidden = true;
    }

    var read = CallCenter.coalesce(function () {
      var asked = callId;
      if (!shown || !asked) return null;
      clearTimeout(retryTimer);
      return CallCenter.api('GET', url, { headers: headers() }).then(function (transcript) {
        if (asked !== callId) return;
        (Array.isArray(transcript) ? transcript : []).forEach(function (message) { add(message, false); });
      }).catch(function (problem) {
        if (asked !== callId || !shown) return;
        // the call ended or moved on: the page's own reading of the call says so
        if (problem.status === 401 || problem.status === 403 || problem.status === 404) return;
        showError('The messages could not be read: ' + CallCenter.problemText(problem) + ' Retrying…');
        retryTimer = setTimeout(read, 3000);
      });
    });

    // A pushed call event: answers whether it was a chat message (which changes nothing else).
    function pushed(change) {
      if (!change || change.type !== 'MESSAGE') return false;
      if (change.message && (!change.callId || change.callId === callId)) add(change.message, true);
      return true;
    }

    function add(message, live) {
      if (!message || typeof message.seq !== 'number' || messages[message.seq]) return;
      messages[message.seq] = message;
      var log = $('chat-log');
      var atBottom = log.scrollHeight - log.scrollTop - log.clientHeight < 40;
      var item = line(message);
      var next = null;
      for (var i = 0; i < log.children.length; i++) {
        if (Number(log.children[i].dataset.seq) > message.seq) {
          next = log.children[i];
          break;
        }
      }
      log.insertBefore(item, next);
      if (atBottom || message.from === me) log.scrollTop = log.scrollHeight;
      renderEmpty();
      if (live && message.from !== me) announce((message.name || otherSide()) + ': ' + message.text);
    }

    function line(message) {
      var item = document.createElement('li');
      item.className = 'chat-message ' + (message.from === me ? 'mine' : 'theirs');
      item.dataset.seq = String(message.seq);
      item.dataset.from = message.from;
      var meta = document.createElement('span');
      meta.className = 'chat-meta';
      var name = document.createElement('span');
      name.className = 'chat-name';
      name.textContent = message.name || otherSide();
      meta.appendChild(name);
      var at = new Date(message.at);
      if (!isNaN(at.getTime())) {
        var time = document.createElement('time');
        time.className = 'chat-time';
        time.dateTime = message.at;
        time.textContent = at.toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' });
        meta.appendChild(document.createTextNode(' '));
        meta.appendChild(time);
      }
      var text = document.createElement('span');
      text.className = 'chat-text';
      text.textContent = message.text;
      item.appendChild(meta);
      item.appendChild(text);
      return item;
    }

    function otherSide() {
      return me === 'caller' ? 'Agent' : 'Caller';
    }

    // A refused message stays in the box, so nothing typed is lost.
    function send() {
      var input = $('chat-input');
      var text = input.value;
      if (sending || !callId || !text.trim()) return;
      if (text.length > MAX) {
        showError('A message can have at most ' + MAX + ' characters.');
        return;
      }
      var asked = callId;
      sending = true;
      $('chat-send').disabled = true;
      $('chat-error').hidden = true;
      CallCenter.api('POST', url, { headers: headers(), body: { text: text } }).then(function (message) {
        if (asked !== callId) return;
        if (input.value === text) input.value = '';
        add(message, false);
      }).catch(function (problem) {
        if (asked === callId) showError(refusal(problem));
      }).then(function () {
        sending = false;
        $('chat-send').disabled = false;
      });
    }

    function refusal(problem) {
      var kind = problem && problem.type ? String(problem.type).split(':').pop() : '';
      if (kind === 'chat-full') return 'This chat is full: no more messages can be sent in this call.';
      if (kind === 'call-not-in-progress') return 'Messages can be sent only while the call is in progress.';
      return 'Your message was not sent: ' + CallCenter.problemText(problem);
    }

    function showError(text) {
      $('chat-error').textContent = text;
      $('chat-error').hidden = false;
    }

    function renderEmpty() {
      $('chat-empty').hidden = $('chat-log').children.length > 0;
    }

    var announcing = null;
    function announce(text) {
      var region = $('chat-announcer');
      region.textContent = '';
      clearTimeout(announcing);
      // a short pause, so that the same words twice are announced twice
      announcing = setTimeout(function () { region.textContent = text; }, 100);
    }

    return {
      show: show,
      hide: hide,
      pushed: pushed,
      reread: function () { if (shown) read(); }
    };
  };
})(window.CallCenter);
