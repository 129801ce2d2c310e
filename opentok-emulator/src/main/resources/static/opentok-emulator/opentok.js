/*
 * opentok-emulator browser library: the part of the OpenTok.js API the call center's web client
 * uses, on the emulator's WebSocket signalling and peer-to-peer WebRTC.
 *
 *   OT.initSession(apiKey, sessionId) -> Session
 *     connect(token, cb), disconnect(), publish(publisher, cb), unpublish(publisher),
 *     subscribe(stream, target, props, cb), unsubscribe(subscriber), signal({type, data, to}, cb),
 *     on / once / off; session.connection
 *     events: sessionConnected, sessionDisconnected, connectionCreated, connectionDestroyed,
 *     streamCreated, streamDestroyed, signal, signal:TYPE
 *   OT.initPublisher(target, props, cb) -> Publisher
 *     props: insertMode, width, height, name, publishAudio, publishVideo, audioSource, videoSource
 *     (videoSource null or false: audio only), resolution ('640x480'), frameRate; publishAudio(bool), publishVideo(bool), destroy(),
 *     stream, element; events: streamCreated, streamDestroyed, accessAllowed, accessDenied
 *
 * The WebSocket lives next to this file (…/opentok-emulator/ws), so the library works the same
 * served by the emulator directly or through the gateway.
 */
(function (global) {
  'use strict';

  var CONNECT_TIMEOUT_MS = 8000;
  var scriptUrl = (document.currentScript && document.currentScript.src) || (global.location.origin + '/opentok-emulator/opentok.js');
  var socketUrl = new URL('ws', scriptUrl);
  socketUrl.protocol = socketUrl.protocol === 'https:' ? 'wss:' : 'ws:';

  function uid() {
    return Math.random().toString(36).slice(2) + Date.now().toString(36);
  }

  function OTError(code, message) {
    var error = new Error(message);
    error.name = 'OTError';
    error.code = code;
    return error;
  }

  // --- events -------------------------------------------------------------------------------

  function Emitter() {
    this._handlers = {};
  }

  Emitter.prototype.on = function (type, handler, context) {
    if (typeof type === 'object') {
      for (var name in type) {
        if (Object.prototype.hasOwnProperty.call(type, name)) this.on(name, type[name], handler);
      }
      return this;
    }
    type.split(' ').forEach(function (name) {
      (this._handlers[name] = this._handlers[name] || []).push({ handler: handler, context: context });
    }, this);
    return this;
  };

  Emitter.prototype.once = function (type, handler, context) {
    var self = this;
    function wrapper(event) {
      self.off(type, wrapper);
      handler.call(context || self, event);
    }
    return this.on(type, wrapper, context);
  };

  Emitter.prototype.off = function (type, handler) {
    if (!type) {
      this._handlers = {};
    } else if (!handler) {
      delete this._handlers[type];
    } else if (this._handlers[type]) {
      this._handlers[type] = this._handlers[type].filter(function (h) { return h.handler !== handler; });
    }
    return this;
  };

  Emitter.prototype.trigger = function (type, fields) {
    var event = makeEvent(type, this, fields);
    (this._handlers[type] || []).slice().forEach(function (h) {
      try {
        h.handler.call(h.context || this, event);
      } catch (e) {
        console.error('OT event handler for ' + type + ' failed', e);
      }
    }, this);
    return event;
  };

  function makeEvent(type, target, fields) {
    var prevented = false;
    var event = {
      type: type,
      target: target,
      cancelable: true,
      preventDefault: function () { prevented = true; },
      isDefaultPrevented: function () { return prevented; }
    };
    for (var key in fields) {
      if (Object.prototype.hasOwnProperty.call(fields, key)) event[key] = fields[key];
    }
    return event;
  }

  function connectionOf(json) {
    if (!json) return null;
    return { connectionId: json.connectionId, id: json.connectionId, creationTime: json.creationTime, data: json.data };
  }

  function streamOf(json) {
    return {
      streamId: json.streamId,
      id: json.streamId,
      connection: connectionOf(json.connection),
      name: json.name,
      hasAudio: json.hasAudio,
      hasVideo: json.hasVideo,
      videoType: json.videoType || undefined,
      creationTime: json.creationTime,
      videoDimensions: { width: 640, height: 480 }
    };
  }

  // --- DOM ----------------------------------------------------------------------------------

  function place(target, props, className) {
    var element = document.createElement('div');
    element.className = className;
    if (props && props.width) element.style.width = typeof props.width === 'number' ? props.width + 'px' : props.width;
    if (props && props.height) element.style.height = typeof props.height === 'number' ? props.height + 'px' : props.height;
    var video = document.createElement('video');
    video.autoplay = true;
    video.setAttribute('playsinline', '');
    video.style.width = '100%';
    video.style.height = '100%';
    element.appendChild(video);
    var host = typeof target === 'string' ? document.getElementById(target) : target;
    var mode = (props && props.insertMode) || 'replace';
    if (!host) {
      document.body.appendChild(element);
    } else if (mode === 'replace') {
      if (host.id) element.id = host.id;
      host.parentNode.replaceChild(element, host);
    } else if (mode === 'before') {
      host.parentNode.insertBefore(element, host);
    } else if (mode === 'after') {
      host.parentNode.insertBefore(element, host.nextSibling);
    } else {
      host.appendChild(element);
    }
    return { element: element, video: video };
  }

  function play(video) {
    var playing = video.play();
    if (playing && playing.catch) playing.catch(function () { /* autoplay refused until a gesture */ });
  }

  // --- Publisher ----------------------------------------------------------------------------

  function Publisher(target, props, callback) {
    Emitter.call(this);
    props = props || {};
    this.id = 'OT_' + uid();
    this.stream = null;
    this.session = null;
    this._props = props;
    this._audio = props.audioSource !== null && props.audioSource !== false;
    this._video = props.videoSource !== null && props.videoSource !== false;
    this._peers = {};
    var placed = place(target, props, 'OT_publisher');
    this.element = placed.element;
    this.element.id = this.element.id || this.id;
    this._videoElement = placed.video;
    this._videoElement.muted = true; // never hear yourself
    var self = this;
    var video = this._video;
    if (video && (props.resolution || props.frameRate)) {
      video = {};
      if (props.resolution) {
        var size = String(props.resolution).split('x');
        video.width = { ideal: Number(size[0]) };
        video.height = { ideal: Number(size[1]) };
      }
      if (props.frameRate) video.frameRate = { ideal: Number(props.frameRate) };
    }
    this._ready = navigator.mediaDevices.getUserMedia({ audio: this._audio, video: video }).then(function (media) {
      self._media = media;
      self._videoElement.srcObject = media;
      play(self._videoElement);
      self.publishAudio(props.publishAudio !== false);
      self.publishVideo(props.publishVideo !== false);
      self.trigger('accessAllowed', {});
      if (callback) callback();
      return media;
    }, function (error) {
      self.trigger('accessDenied', { message: error.message });
      var otError = OTError(1500, 'Unable to access camera or microphone: ' + error.message);
      // the names OpenTok.js gives these failures, so pages can tell "blocked" from "missing"
      otError.name = error.name === 'NotAllowedError' ? 'OT_USER_MEDIA_ACCESS_DENIED'
        : error.name === 'NotFoundError' ? 'OT_NO_DEVICES_FOUND' : 'OT_HARDWARE_UNAVAILABLE';
      if (callback) callback(otError);
      throw otError;
    });
  }

  Publisher.prototype = Object.create(Emitter.prototype);

  Publisher.prototype.publishAudio = function (enabled) {
    if (this._media) this._media.getAudioTracks().forEach(function (t) { t.enabled = !!enabled; });
    return this;
  };

  Publisher.prototype.publishVideo = function (enabled) {
    if (this._media) this._media.getVideoTracks().forEach(function (t) { t.enabled = !!enabled; });
    return this;
  };

  Publisher.prototype.getVideoElement = function () {
    return this._videoElement;
  };

  Publisher.prototype._closePeers = function () {
    for (var id in this._peers) {
      if (Object.prototype.hasOwnProperty.call(this._peers, id)) this._peers[id].close();
    }
    this._peers = {};
  };

  Publisher.prototype.destroy = function () {
    if (this.session) this.session.unpublish(this);
    this._closePeers();
    if (this._media) this._media.getTracks().forEach(function (t) { t.stop(); });
    if (this.element && this.element.parentNode) this.element.parentNode.removeChild(this.element);
    return this;
  };

  // --- Subscriber ---------------------------------------------------------------------------

  function Subscriber(session, stream, target, props) {
    Emitter.call(this);
    this.id = 'OT_' + uid();
    this.stream = stream;
    this.session = session;
    var placed = place(target, props, 'OT_subscriber');
    this.element = placed.element;
    this.element.id = this.element.id || this.id;
    this._videoElement = placed.video;
    this._audioOn = !props || props.subscribeToAudio !== false;
    this._videoOn = !props || props.subscribeToVideo !== false;
  }

  Subscriber.prototype = Object.create(Emitter.prototype);

  Subscriber.prototype.subscribeToAudio = function (enabled) {
    this._audioOn = !!enabled;
    this._applyTracks();
    return this;
  };

  Subscriber.prototype.subscribeToVideo = function (enabled) {
    this._videoOn = !!enabled;
    this._applyTracks();
    return this;
  };

  Subscriber.prototype._applyTracks = function () {
    var media = this._videoElement.srcObject;
    if (!media) return;
    var self = this;
    media.getAudioTracks().forEach(function (t) { t.enabled = self._audioOn; });
    media.getVideoTracks().forEach(function (t) { t.enabled = self._videoOn; });
  };

  Subscriber.prototype.getVideoElement = function () {
    return this._videoElement;
  };

  Subscriber.prototype._destroy = function () {
    if (this._peer) this._peer.close();
    if (this.element && this.element.parentNode) this.element.parentNode.removeChild(this.element);
  };

  // --- Session ------------------------------------------------------------------------------

  function Session(apiKey, sessionId) {
    Emitter.call(this);
    this.apiKey = String(apiKey);
    this.sessionId = sessionId;
    this.id = sessionId;
    this.connection = null;
    this._socket = null;
    this._publishers = {}; // by stream id
    this._subscribers = {}; // by subscriber id
    this._pending = {}; // callbacks by request id
    this._streams = {};
  }

  Session.prototype = Object.create(Emitter.prototype);

  Session.prototype.connect = function (token, callback) {
    var self = this;
    if (typeof token === 'function') {
      callback = token;
      token = undefined;
    }
    var socket = new WebSocket(socketUrl.toString());
    this._socket = socket;
    var answered = false;
    // A handshake that never completes (a busy proxy, a dropped packet) fails the connect, as
    // OpenTok.js does after its own timeout, so the page can try again.
    var watchdog = setTimeout(function () {
      if (!answered) socket.close();
    }, CONNECT_TIMEOUT_MS);
    socket.onopen = function () {
      socket.send(JSON.stringify({ type: 'connect', apiKey: self.apiKey, sessionId: self.sessionId, token: token }));
    };
    socket.onmessage = function (message) {
      var data = JSON.parse(message.data);
      if (data.type === 'error' && !answered) {
        answered = true;
        if (callback) callback(OTError(data.code, data.message));
        return;
      }
      if (data.type === 'connected') {
        answered = true;
        clearTimeout(watchdog);
      }
      self._receive(data, callback);
    };
    socket.onclose = function () {
      if (!answered) {
        answered = true;
        if (callback) callback(OTError(1006, 'Could not connect to the session'));
        return;
      }
      self._closed('networkDisconnected');
    };
    return this;
  };

  Session.prototype._closed = function (reason) {
    if (!this.connection) return;
    this.connection = null;
    for (var id in this._subscribers) {
      if (Object.prototype.hasOwnProperty.call(this._subscribers, id)) this._subscribers[id]._destroy();
    }
    this._subscribers = {};
    for (var streamId in this._publishers) {
      if (Object.prototype.hasOwnProperty.call(this._publishers, streamId)) {
        // as OpenTok.js does: a session that disconnects destroys its publishers
        var publisher = this._publishers[streamId];
        publisher.session = null;
        publisher.stream = null;
        publisher.destroy();
      }
    }
    this._publishers = {};
    this.trigger('sessionDisconnected', { reason: reason });
  };

  Session.prototype._send = function (message) {
    if (this._socket && this._socket.readyState === WebSocket.OPEN) this._socket.send(JSON.stringify(message));
  };

  Session.prototype._receive = function (data, connectCallback) {
    var self = this;
    switch (data.type) {
      case 'connected':
        this.connection = connectionOf(data.connection);
        data.connections.forEach(function (c) {
          self.trigger('connectionCreated', { connection: connectionOf(c) });
        });
        data.streams.forEach(function (s) {
          var stream = streamOf(s);
          self._streams[stream.streamId] = stream;
          self.trigger('streamCreated', { stream: stream });
        });
        this.trigger('sessionConnected', {});
        if (connectCallback) connectCallback();
        break;
      case 'connectionCreated':
        this.trigger('connectionCreated', { connection: connectionOf(data.connection) });
        break;
      case 'connectionDestroyed':
        this.trigger('connectionDestroyed', { connection: connectionOf(data.connection), reason: data.reason });
        break;
      case 'streamCreated':
        var created = streamOf(data.stream);
        this._streams[created.streamId] = created;
        this.trigger('streamCreated', { stream: created });
        break;
      case 'streamDestroyed':
        var destroyed = this._streams[data.stream.streamId] || streamOf(data.stream);
        delete this._streams[destroyed.streamId];
        var event = this.trigger('streamDestroyed', { stream: destroyed, reason: data.reason });
        for (var id in this._subscribers) {
          if (Object.prototype.hasOwnProperty.call(this._subscribers, id) && this._subscribers[id].stream.streamId === destroyed.streamId) {
            if (!event.isDefaultPrevented()) this._subscribers[id]._destroy();
            delete this._subscribers[id];
          }
        }
        break;
      case 'signal':
        var fields = { type: 'signal', data: data.data, from: connectionOf(data.from) };
        this.trigger('signal', fields);
        if (data.signalType) this.trigger('signal:' + data.signalType, { data: data.data, from: connectionOf(data.from) });
        break;
      case 'published':
      case 'signalSent':
        var pending = this._pending[data.requestId];
        delete this._pending[data.requestId];
        if (pending) pending(data);
        break;
      case 'rtc':
        this._negotiate(data);
        break;
      case 'sessionDisconnected':
        var socket = this._socket;
        this._closed(data.reason);
        if (socket) socket.close();
        break;
      default:
        break;
    }
  };

  Session.prototype.disconnect = function () {
    if (!this._socket) return;
    this._send({ type: 'disconnect' });
    var socket = this._socket;
    this._closed('clientDisconnected');
    socket.close();
  };

  Session.prototype.publish = function (publisher, properties, callback) {
    var self = this;
    if (typeof properties === 'function') callback = properties;
    if (!(publisher instanceof Publisher)) publisher = new Publisher(undefined, publisher || properties);
    if (!this.connection) {
      if (callback) setTimeout(function () { callback(OTError(1010, 'Not connected')); });
      return publisher;
    }
    publisher._ready.then(function () {
      var requestId = uid();
      self._pending[requestId] = function (answer) {
        publisher.stream = streamOf(answer.stream);
        publisher.session = self;
        self._publishers[publisher.stream.streamId] = publisher;
        publisher.trigger('streamCreated', { stream: publisher.stream });
        if (callback) callback();
      };
      self._send({
        type: 'publish', requestId: requestId, name: publisher._props.name || '',
        hasAudio: publisher._audio, hasVideo: publisher._video, videoType: publisher._video ? 'camera' : null
      });
    }, function (error) {
      if (callback) callback(error);
    });
    return publisher;
  };

  Session.prototype.unpublish = function (publisher) {
    if (!publisher.stream) return;
    var stream = publisher.stream;
    this._send({ type: 'unpublish', streamId: stream.streamId });
    delete this._publishers[stream.streamId];
    publisher._closePeers();
    publisher.stream = null;
    publisher.session = null;
    publisher.trigger('streamDestroyed', { stream: stream, reason: 'unpublished' });
  };

  Session.prototype.subscribe = function (stream, target, properties, callback) {
    if (typeof target === 'function') { callback = target; target = undefined; properties = undefined; }
    if (typeof properties === 'function') { callback = properties; properties = undefined; }
    var subscriber = new Subscriber(this, stream, target, properties);
    this._subscribers[subscriber.id] = subscriber;
    var peer = new RTCPeerConnection({ iceServers: [] });
    subscriber._peer = peer;
    var self = this;
    var reported = false;
    peer.ontrack = function (event) {
      var media = subscriber._videoElement.srcObject || new MediaStream();
      media.addTrack(event.track);
      subscriber._videoElement.srcObject = media;
      subscriber._applyTracks();
      play(subscriber._videoElement);
      if (!reported) {
        reported = true;
        subscriber.trigger('connected', {});
        if (callback) callback();
      }
    };
    peer.onicecandidate = function (event) {
      if (event.candidate) {
        self._send({ type: 'rtc', to: stream.connection.connectionId, streamId: stream.streamId, subscriberId: subscriber.id, role: 'subscriber', candidate: event.candidate.toJSON() });
      }
    };
    this._send({ type: 'rtc', to: stream.connection.connectionId, streamId: stream.streamId, subscriberId: subscriber.id, role: 'subscriber', subscribe: true });
    return subscriber;
  };

  Session.prototype.unsubscribe = function (subscriber) {
    subscriber._destroy();
    delete this._subscribers[subscriber.id];
  };

  // A candidate can arrive before the description it belongs to: keep it until then.
  // A peer closed while negotiating (a hand-over, a hang-up) rejects what is still pending: that is
  // the end of that peer, not an error of the page's.
  function ignoreClosed(error) {
    if (error && error.name !== 'InvalidStateError') console.warn('OT emulator: negotiation failed', error);
  }

  function addCandidate(peer, candidate) {
    if (peer.remoteDescription) {
      peer.addIceCandidate(candidate).catch(ignoreClosed);
    } else {
      (peer._queuedCandidates = peer._queuedCandidates || []).push(candidate);
    }
  }

  function setRemote(peer, description) {
    return peer.setRemoteDescription(description).then(function () {
      (peer._queuedCandidates || []).forEach(function (c) { peer.addIceCandidate(c).catch(ignoreClosed); });
      peer._queuedCandidates = [];
    });
  }

  // WebRTC: each subscription is one peer connection; the publisher offers, the subscriber answers.
  Session.prototype._negotiate = function (message) {
    var self = this;
    if (message.role === 'subscriber') {
      var publisher = this._publishers[message.streamId];
      if (!publisher) return;
      var peer = publisher._peers[message.subscriberId];
      if (message.subscribe) {
        peer = new RTCPeerConnection({ iceServers: [] });
        publisher._peers[message.subscriberId] = peer;
        publisher._media.getTracks().forEach(function (track) { peer.addTrack(track, publisher._media); });
        peer.onicecandidate = function (event) {
          if (event.candidate) {
            self._send({ type: 'rtc', to: message.from, streamId: message.streamId, subscriberId: message.subscriberId, role: 'publisher', candidate: event.candidate.toJSON() });
          }
        };
        peer.createOffer().then(function (offer) {
          return peer.setLocalDescription(offer);
        }).then(function () {
          self._send({ type: 'rtc', to: message.from, streamId: message.streamId, subscriberId: message.subscriberId, role: 'publisher', description: peer.localDescription.toJSON() });
        }).catch(ignoreClosed);
      } else if (peer && message.description) {
        setRemote(peer, message.description).catch(ignoreClosed);
      } else if (peer && message.candidate) {
        addCandidate(peer, message.candidate);
      }
      return;
    }
    var subscriber = this._subscribers[message.subscriberId];
    if (!subscriber || !subscriber._peer) return;
    var own = subscriber._peer;
    if (message.description) {
      setRemote(own, message.description).then(function () {
        return own.createAnswer();
      }).then(function (answer) {
        return own.setLocalDescription(answer);
      }).then(function () {
        self._send({ type: 'rtc', to: message.from, streamId: message.streamId, subscriberId: message.subscriberId, role: 'subscriber', description: own.localDescription.toJSON() });
      }).catch(ignoreClosed);
    } else if (message.candidate) {
      addCandidate(own, message.candidate);
    }
  };

  Session.prototype.signal = function (signal, callback) {
    var requestId = uid();
    if (callback) {
      this._pending[requestId] = function (answer) {
        callback(answer.ok ? undefined : OTError(1011, 'Signal not delivered'));
      };
    }
    this._send({
      type: 'signal', requestId: requestId, signalType: signal.type || '', data: signal.data || '',
      to: signal.to ? (signal.to.connectionId || signal.to.id) : null
    });
  };

  // --- OT -----------------------------------------------------------------------------------

  var OT = new Emitter();
  OT.emulated = true;
  OT.initSession = function (apiKey, sessionId) {
    return new Session(apiKey, sessionId);
  };
  OT.initPublisher = function (target, props, callback) {
    if (typeof props === 'function') { callback = props; props = undefined; }
    return new Publisher(target, props, callback);
  };
  OT.checkSystemRequirements = function () {
    return global.RTCPeerConnection ? 1 : 0;
  };
  OT.setLogLevel = function () {};
  OT.Session = Session;
  OT.Publisher = Publisher;
  OT.Subscriber = Subscriber;
  global.OT = OT;
})(window);
