/* Loads the OpenTok library the suite is configured for: the real OpenTok.js with an OpenTok
   account, the emulator's library otherwise (GET /api/config says which). */
window.CallCenter = window.CallCenter || {};
window.CallCenter.loadOpenTok = (function () {
  'use strict';
  var loading = null;
  return function () {
    if (loading) return loading;
    loading = fetch('/api/config').then(function (response) {
      if (!response.ok) throw new Error('configuration unavailable');
      return response.json();
    }).then(function (config) {
      if (window.OT) return config;
      return new Promise(function (resolve, reject) {
        var script = document.createElement('script');
        script.src = config.openTokJs;
        script.onload = function () { resolve(config); };
        script.onerror = function () { reject(new Error('could not load the video library')); };
        document.head.appendChild(script);
      });
    });
    return loading;
  };
})();

window.CallCenter.elapsed = function (since) {
  'use strict';
  var seconds = Math.max(0, Math.floor((Date.now() - new Date(since).getTime()) / 1000));
  var minutes = Math.floor(seconds / 60);
  return (minutes > 0 ? minutes + ' min ' : '') + (seconds % 60) + ' s';
};
