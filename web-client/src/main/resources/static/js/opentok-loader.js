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
  var seconds = Math.max(0, Math.floor((Date.now() - new Date(since).getTime()) / 1000));
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
