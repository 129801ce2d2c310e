package org.callcenter.emulator.signalling;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.socket.config.annotation.EnableWebSocket;
import org.springframework.web.socket.config.annotation.WebSocketConfigurer;
import org.springframework.web.socket.config.annotation.WebSocketHandlerRegistry;

@Configuration(proxyBeanMethods = false)
@EnableWebSocket
class SignallingConfiguration implements WebSocketConfigurer {

	/**
	 * Next to the library, so the library finds it from its own URL, directly or through
	 * the gateway.
	 */
	static final String PATH = "/opentok-emulator/ws";

	private final SignallingHandler handler;

	SignallingConfiguration(SignallingHandler handler) {
		this.handler = handler;
	}

	@Override
	public void registerWebSocketHandlers(WebSocketHandlerRegistry registry) {
		registry.addHandler(this.handler, PATH).setAllowedOriginPatterns("*");
	}

}
