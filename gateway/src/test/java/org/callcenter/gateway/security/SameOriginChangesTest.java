package org.callcenter.gateway.security;

import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

import org.callcenter.gateway.system.Settings;

import org.springframework.http.HttpStatus;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;

import static org.assertj.core.api.Assertions.assertThat;

class SameOriginChangesTest {

	private final SameOriginChanges filter = new SameOriginChanges(
			Settings.gateway("allowed-origins", "https://support.example.com"));

	@Test
	void aChangeFromTheGatewaysOwnPageGoesThrough() {
		assertThat(passes(MockServerHttpRequest.post("http://calls.example:8080/api/calls")
			.header("Origin", "http://calls.example:8080"))).isTrue();
	}

	@Test
	void aChangeFromAPageOfAnotherSiteIs403WithProblemDetails() {
		MockServerWebExchange exchange = MockServerWebExchange
			.from(MockServerHttpRequest.post("http://calls.example:8080/api/agent/callers/c-1/end")
				.header("Origin", "https://evil.example"));

		assertThat(passes(exchange)).isFalse();
		assertThat(exchange.getResponse().getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
		assertThat(exchange.getResponse().getBodyAsString().block())
			.contains("\"type\":\"urn:callcenter:problem:cross-origin-request\"");
	}

	@Test
	void readsFromAnotherSitePass() {
		assertThat(passes(MockServerHttpRequest.get("http://calls.example:8080/api/config")
			.header("Origin", "https://evil.example"))).isTrue();
	}

	@Test
	void aConfiguredOriginMayChangeState() {
		assertThat(passes(MockServerHttpRequest.post("http://calls.example:8080/api/calls")
			.header("Origin", "https://support.example.com"))).isTrue();
	}

	@Test
	void anotherPortOrSchemeOfTheSameHostIsAnotherSite() {
		assertThat(passes(MockServerHttpRequest.post("http://calls.example:8080/api/calls")
			.header("Origin", "http://calls.example:9090"))).isFalse();
		assertThat(passes(MockServerHttpRequest.post("http://calls.example:8080/api/calls")
			.header("Origin", "https://calls.example:8080"))).isFalse();
	}

	@Test
	void defaultPortsAreLeftOutAsBrowsersWriteThem() {
		assertThat(passes(MockServerHttpRequest.post("https://calls.example:443/api/calls")
			.header("Origin", "https://calls.example"))).isTrue();
		assertThat(passes(
				MockServerHttpRequest.post("http://calls.example:80/logout").header("Origin", "http://calls.example")))
			.isTrue();
	}

	@Test
	void aNullOriginIsJudgedBySecFetchSite() {
		// our own sign-in form posts with Origin: null, as our pages send no referrer
		assertThat(passes(MockServerHttpRequest.post("http://calls.example:8080/login")
			.header("Origin", "null")
			.header("Sec-Fetch-Site", "same-origin"))).isTrue();
		assertThat(passes(MockServerHttpRequest.post("http://calls.example:8080/login")
			.header("Origin", "null")
			.header("Sec-Fetch-Site", "cross-site"))).isFalse();
	}

	@Test
	void aCrossSiteRequestWithoutOriginIsRefused() {
		assertThat(passes(
				MockServerHttpRequest.post("http://calls.example:8080/logout").header("Sec-Fetch-Site", "cross-site")))
			.isFalse();
		assertThat(passes(
				MockServerHttpRequest.post("http://calls.example:8080/logout").header("Sec-Fetch-Site", "same-site")))
			.isFalse();
	}

	@Test
	void aRequestNotFromABrowserPageIsLeftToTheRestOfTheSecurity() {
		// OpenTok's callbacks and scripts name no origin; signatures and sessions judge
		// them
		assertThat(passes(MockServerHttpRequest.post("http://calls.example:8080/ot_callback"))).isTrue();
		assertThat(
				passes(MockServerHttpRequest.post("http://calls.example:8080/login").header("Sec-Fetch-Site", "none")))
			.isTrue();
	}

	private boolean passes(MockServerHttpRequest.BaseBuilder<?> request) {
		return passes(MockServerWebExchange.from(request));
	}

	private boolean passes(MockServerWebExchange exchange) {
		AtomicBoolean passed = new AtomicBoolean();
		this.filter.filter(exchange, (filtered) -> {
			passed.set(true);
			return Mono.empty();
		}).block();
		return passed.get();
	}

}
