package org.callcenter.token.opentok;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import com.opentok.MediaMode;
import com.opentok.OpenTok;
import com.opentok.Role;
import com.opentok.Session;
import com.opentok.SessionProperties;
import com.opentok.SignalProperties;
import com.opentok.TokenOptions;
import com.opentok.exception.InvalidArgumentException;
import com.opentok.exception.RequestException;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import tools.jackson.databind.json.JsonMapper;

import org.callcenter.contracts.sessions.ConnectionData;
import org.callcenter.contracts.sessions.ConnectionData.UserType;
import org.callcenter.contracts.tokens.OpenTokSession;
import org.callcenter.contracts.tokens.SessionToken;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

/**
 * How OpenTok's answers, which the SDK gives only as exceptions and messages, become the
 * call center's.
 */
class VideoPlatformTest {

	private static final Instant NOW = Instant.parse("2026-01-01T10:00:00Z");

	private static final String SESSION = "1_MX4xMjM0NTY3OH5-c2Vzc2lvbg";

	private final OpenTok openTok = mock(OpenTok.class);

	private final VideoPlatform platform = new VideoPlatform(
			this.openTok, new OpenTokProperties(12345678, "s".repeat(32), "https://api.opentok.com",
					Duration.ofSeconds(5), Duration.ofHours(1)),
			Clock.fixed(NOW, ZoneOffset.UTC), JsonMapper.builder().build());

	@Test
	void eachCallGetsARoutedSession() throws Exception {
		Session session = mock(Session.class);
		when(session.getSessionId()).thenReturn(SESSION);
		ArgumentCaptor<SessionProperties> asked = ArgumentCaptor.forClass(SessionProperties.class);
		when(this.openTok.createSession(asked.capture())).thenReturn(session);

		OpenTokSession created = this.platform.createSession();

		assertThat(created).isEqualTo(new OpenTokSession("12345678", SESSION));
		// media through OpenTok's servers, so session monitoring and recording work
		assertThat(asked.getValue().mediaMode()).isEqualTo(MediaMode.ROUTED);
	}

	@Test
	void aTokenSaysWhoConnectsAndExpiresAfterItsLifetime() throws Exception {
		ArgumentCaptor<TokenOptions> options = ArgumentCaptor.forClass(TokenOptions.class);
		when(this.openTok.generateToken(eq(SESSION), options.capture())).thenReturn("T1==token");

		SessionToken token = this.platform.token(SESSION, new ConnectionData("call-1", UserType.caller));

		assertThat(token.token()).isEqualTo("T1==token");
		assertThat(token.expiresAt()).isEqualTo(NOW.plus(Duration.ofHours(1)));
		assertThat(options.getValue().getRole()).isEqualTo(Role.PUBLISHER);
		assertThat(options.getValue().getExpireTime()).isEqualTo(NOW.plus(Duration.ofHours(1)).getEpochSecond());
		assertThat(options.getValue().getData()).isEqualTo("{\"userId\":\"call-1\",\"userType\":\"caller\"}");
	}

	@Test
	void aTokenMadeAheadLastsItsTimeHeldLonger() throws Exception {
		ArgumentCaptor<TokenOptions> options = ArgumentCaptor.forClass(TokenOptions.class);
		when(this.openTok.generateToken(eq(SESSION), options.capture())).thenReturn("T1==token");

		SessionToken token = this.platform.token(SESSION, new ConnectionData("call-1", UserType.caller),
				Duration.ofHours(2));

		assertThat(token.expiresAt()).isEqualTo(NOW.plus(Duration.ofHours(3)));
		assertThat(options.getValue().getExpireTime()).isEqualTo(NOW.plus(Duration.ofHours(3)).getEpochSecond());
	}

	@Test
	void aTokenForASessionOfAnotherProjectIsAnInvalidRequest() throws Exception {
		when(this.openTok.generateToken(anyString(), any(TokenOptions.class)))
			.thenThrow(new InvalidArgumentException("Session ID is not valid for this API key"));

		assertThatThrownBy(() -> this.platform.token(SESSION, new ConnectionData("alice", UserType.agent)))
			.isInstanceOf(InvalidOpenTokRequest.class);
	}

	@Test
	void aSignalWithoutAConnectionGoesToTheWholeSession() throws Exception {
		this.platform.signal(SESSION, null, "hold", "alice");

		ArgumentCaptor<SignalProperties> signal = ArgumentCaptor.forClass(SignalProperties.class);
		verify(this.openTok).signal(eq(SESSION), signal.capture());
		assertThat(signal.getValue().type()).isEqualTo("hold");
		assertThat(signal.getValue().data()).isEqualTo("alice");
	}

	@Test
	void aSignalToAConnectionThatLeftIsAnUnknownConnection() throws Exception {
		doThrow(new RequestException(
				"Could not send a signal. The client specified by connectionId is not connected to the session."))
			.when(this.openTok)
			.signal(anyString(), anyString(), any(SignalProperties.class));

		assertThatThrownBy(() -> this.platform.signal(SESSION, "c-1", "hold", ""))
			.isInstanceOf(UnknownConnection.class);
	}

	@Test
	void anInvalidSessionOrConnectionIsAnInvalidRequestNotWorthRetrying() throws Exception {
		doThrow(new RequestException(
				"Could not force disconnect. One of the arguments - sessionId or connectionId - is invalid."))
			.when(this.openTok)
			.forceDisconnect(anyString(), anyString());

		assertThatThrownBy(() -> this.platform.forceDisconnect(SESSION, "c-1"))
			.isInstanceOf(InvalidOpenTokRequest.class);
	}

	@Test
	void anyOtherFailureIsOpenTokUnavailableAndMayBeRetried() throws Exception {
		doThrow(new RequestException("Could not send a signal. Response code: 500")).when(this.openTok)
			.signal(anyString(), any(SignalProperties.class));
		when(this.openTok.createSession(any(SessionProperties.class)))
			.thenThrow(new RequestException("Could not create an OpenTok Session: timeout"));

		assertThatThrownBy(() -> this.platform.signal(SESSION, null, "hold", ""))
			.isInstanceOf(OpenTokUnavailable.class);
		assertThatThrownBy(this.platform::createSession).isInstanceOf(OpenTokUnavailable.class);
	}

	@Test
	void theApiUrlLosesATrailingSlashSoTheSdkDoesNotDoubleIt() {
		assertThat(new OpenTokProperties(1, "s".repeat(32), "http://localhost:9911/", Duration.ofSeconds(5),
				Duration.ofHours(1))
			.apiUrlWithoutTrailingSlash()).isEqualTo("http://localhost:9911");
		assertThat(new OpenTokProperties(1, "s".repeat(32), "https://api.opentok.com", Duration.ofSeconds(5),
				Duration.ofHours(1))
			.apiUrlWithoutTrailingSlash()).isEqualTo("https://api.opentok.com");
	}

}
