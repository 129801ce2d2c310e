package org.callcenter.emulator.system;

import java.net.URI;
import java.time.Duration;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The emulated OpenTok project.
 *
 * @param apiKey the project's API key (the SDK takes it as an int)
 * @param apiSecret the project's secret; at least 32 characters, or the SDK cannot sign
 * requests
 * @param callbackUrl where session-monitoring callbacks are posted; none if unset
 * @param signatureSecret when set, callbacks are signed as Vonage's secure callbacks
 * @param callbackFirstRetry delay before the first retry of a failed callback; it doubles
 * each time
 * @param callbackMaxRetry longest delay between retries
 * @param callbackGiveUp how long a callback is retried before it is dropped
 * @param callbacks how callbacks behave at start, to act like a misconfigured project:
 * NORMAL, OFF (session monitoring not set up), WRONG_URL (posted to a path nobody
 * serves), WRONG_SECRET (signed with another secret); changed at run time with
 * {@code PUT /emulator/callbacks}
 * @param callbackDelay how long each callback is held back before it is posted
 */
@Validated
@ConfigurationProperties("emulator")
public record EmulatorProperties(@Positive @DefaultValue("12345678") int apiKey,
		@NotNull @Size(min = 32) @DefaultValue("emulator-secret-0123456789abcdef01234567") String apiSecret,
		URI callbackUrl, String signatureSecret, @NotNull @DefaultValue("1s") Duration callbackFirstRetry,
		@NotNull @DefaultValue("30s") Duration callbackMaxRetry, @NotNull @DefaultValue("10m") Duration callbackGiveUp,
		@NotNull @DefaultValue("NORMAL") CallbackMode callbacks, @NotNull @DefaultValue("0s") Duration callbackDelay) {

	/** How the emulated project's session-monitoring callbacks behave. */
	public enum CallbackMode {

		NORMAL, OFF, WRONG_URL, WRONG_SECRET

	}

	public String apiKeyText() {
		return Integer.toString(this.apiKey);
	}

}
