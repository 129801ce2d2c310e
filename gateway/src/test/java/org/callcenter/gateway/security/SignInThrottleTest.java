package org.callcenter.gateway.security;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

import org.callcenter.gateway.system.Settings;

import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.data.redis.core.ReactiveValueOperations;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.web.server.WebFilterExchange;
import org.springframework.web.server.WebFilterChain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyCollection;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

/**
 * The throttle's decisions, with Redis's answers given (the counting itself is Redis's).
 */
class SignInThrottleTest {

	private static final String ADDRESS = "203.0.113.7";

	private final ReactiveStringRedisTemplate redis = mock(ReactiveStringRedisTemplate.class);

	@SuppressWarnings("unchecked")
	private final ReactiveValueOperations<String, String> counts = mock(ReactiveValueOperations.class);

	private final SignInThrottle throttle = new SignInThrottle(this.redis, Settings
		.gateway("sign-in-failures-per-account", "5", "sign-in-failures-per-address", "30", "sign-in-lockout", "15m"));

	private final AtomicBoolean passwordChecked = new AtomicBoolean();

	private final WebFilterChain signIn = (exchange) -> {
		this.passwordChecked.set(true);
		return Mono.empty();
	};

	@BeforeEach
	void redis() {
		when(this.redis.opsForValue()).thenReturn(this.counts);
		when(this.counts.increment(anyString())).thenReturn(Mono.just(1L));
		when(this.redis.expire(anyString(), any(Duration.class))).thenReturn(Mono.just(true));
		when(this.redis.delete(anyString())).thenReturn(Mono.just(1L));
	}

	@Test
	void aNameThatFailedFiveTimesIsRefusedBeforeAnyPasswordIsChecked() {
		failuresSoFar("5", null);
		MockServerWebExchange exchange = signInForm("alice");

		this.throttle.filter(exchange, this.signIn).block();

		assertThat(this.passwordChecked).isFalse();
		assertThat(exchange.getResponse().getStatusCode()).isEqualTo(HttpStatus.SEE_OTHER);
		assertThat(exchange.getResponse().getHeaders().getLocation()).hasToString("/login?throttled");
		assertThat(exchange.getResponse().getHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isEqualTo("900");
	}

	@Test
	void anAddressThatFailedThirtyTimesIsRefusedWhateverNameItTries() {
		failuresSoFar(null, "30");

		this.throttle.filter(signInForm("bob"), this.signIn).block();

		assertThat(this.passwordChecked).isFalse();
	}

	@Test
	void belowBothLimitsThePasswordIsChecked() {
		failuresSoFar("4", "29");

		this.throttle.filter(signInForm("alice"), this.signIn).block();

		assertThat(this.passwordChecked).isTrue();
	}

	@Test
	void requestsOtherThanASignInAreNotCounted() {
		this.throttle.filter(MockServerWebExchange.from(MockServerHttpRequest.get("/login")), this.signIn).block();
		this.throttle.filter(MockServerWebExchange.from(MockServerHttpRequest.post("/api/calls")), this.signIn).block();

		assertThat(this.passwordChecked).isTrue();
		verifyNoInteractions(this.redis);
	}

	@Test
	void aFailedSignInCountsForTheNameAndTheAddressForTheLockoutPeriod() {
		MockServerWebExchange exchange = signInForm("alice");

		this.throttle.countingFailures()
			.onAuthenticationFailure(new WebFilterExchange(exchange, this.signIn), new BadCredentialsException("wrong"))
			.block();

		verify(this.counts).increment("callcenter:gateway:sign-in-failures:name:alice");
		verify(this.counts).increment("callcenter:gateway:sign-in-failures:address:" + ADDRESS);
		verify(this.redis).expire("callcenter:gateway:sign-in-failures:name:alice", Duration.ofMinutes(15));
		verify(this.redis).expire("callcenter:gateway:sign-in-failures:address:" + ADDRESS, Duration.ofMinutes(15));
		assertThat(exchange.getResponse().getHeaders().getLocation()).hasToString("/login?error");
	}

	@Test
	void aSuccessfulSignInClearsItsNamesCountButNotTheAddresss() {
		MockServerWebExchange exchange = signInForm("alice");

		this.throttle.succeeded(new WebFilterExchange(exchange, this.signIn), "alice").block();

		verify(this.redis).delete("callcenter:gateway:sign-in-failures:name:alice");
		verify(this.redis, never()).delete("callcenter:gateway:sign-in-failures:address:" + ADDRESS);
	}

	@Test
	void aHugeNameIsCountedByItsFirst64Characters() {
		this.throttle.countingFailures()
			.onAuthenticationFailure(new WebFilterExchange(signInForm("m".repeat(5000)), this.signIn),
					new BadCredentialsException("wrong"))
			.block();

		verify(this.counts).increment("callcenter:gateway:sign-in-failures:name:" + "m".repeat(64));
	}

	private void failuresSoFar(String forName, String forAddress) {
		List<String> answer = Arrays.asList(forName, forAddress);
		when(this.counts.multiGet(anyCollection())).thenReturn(Mono.just(answer));
	}

	private static MockServerWebExchange signInForm(String username) {
		return MockServerWebExchange.from(MockServerHttpRequest.post("/login")
			.remoteAddress(new InetSocketAddress(ADDRESS, 40000))
			.contentType(MediaType.APPLICATION_FORM_URLENCODED)
			.body("username=" + username + "&password=guess"));
	}

}
