package org.callcenter.callback.system;

import java.time.Duration;

import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * @param signatureSecret when set, every callback must carry a valid Vonage signed-callback JWT
 * @param publishTimeout how long a callback waits for Kafka's acknowledgement before answering 503
 * @param healthWindow how recent rejected signatures must be to report a signature mismatch
 */
@Validated
@ConfigurationProperties("callbacks")
public record CallbackProperties(String signatureSecret, @NotNull @DefaultValue("10s") Duration publishTimeout,
		@NotNull @DefaultValue("5m") Duration healthWindow) {

	public boolean signed() {
		return this.signatureSecret != null && !this.signatureSecret.isBlank();
	}

}
