package org.callcenter.token.opentok;

import java.time.Duration;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The OpenTok project token-service acts for.
 *
 * @param apiKey the project's API key
 * @param apiSecret the project's secret; the SDK cannot sign with fewer than 32
 * characters
 * @param apiUrl OpenTok's REST base URL: the real one, or the emulator's (no trailing
 * slash)
 * @param requestTimeout bound on every REST call to OpenTok
 * @param tokenLifetime how long client tokens are valid
 */
@Validated
@ConfigurationProperties("opentok")
public record OpenTokProperties(@Positive int apiKey, @NotNull @Size(min = 32) String apiSecret,
		@NotBlank @DefaultValue("https://api.opentok.com") String apiUrl,
		@NotNull @DefaultValue("5s") Duration requestTimeout, @NotNull @DefaultValue("1h") Duration tokenLifetime) {

	/** The SDK joins paths to the URL as strings: a trailing slash would double. */
	public String apiUrlWithoutTrailingSlash() {
		return this.apiUrl.endsWith("/") ? this.apiUrl.substring(0, this.apiUrl.length() - 1) : this.apiUrl;
	}

}
