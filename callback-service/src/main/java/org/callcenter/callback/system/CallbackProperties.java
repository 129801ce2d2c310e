package org.callcenter.callback.system;

import java.time.Duration;

import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * @param signatureSecret when set, every callback must carry a valid Vonage
 * signed-callback JWT
 * @param publishTimeout how long a callback waits for Kafka's acknowledgement before
 * answering 503
 * @param healthWindow how recent rejected signatures must be to report a signature
 * mismatch
 * @param projectApiKey the OpenTok project's API key: when set, a callback about another
 * project (in its body or its signature) is refused
 * @param freshness how old a signed callback may be ({@code iat}): Vonage retries for up
 * to 24 h, so older ones can only be replays
 * @param clockSkew how far in the future a signed callback's {@code iat} may be
 */
@Validated
@ConfigurationProperties("callbacks")
public record CallbackProperties(String signatureSecret, @NotNull @DefaultValue("10s") Duration publishTimeout,
		@NotNull @DefaultValue("5m") Duration healthWindow, String projectApiKey,
		@NotNull @DefaultValue("24h") Duration freshness, @NotNull @DefaultValue("5m") Duration clockSkew) {

	public boolean knowsProject() {
		return this.projectApiKey != null && !this.projectApiKey.isBlank();
	}

	public boolean signed() {
		return this.signatureSecret != null && !this.signatureSecret.isBlank();
	}

}
