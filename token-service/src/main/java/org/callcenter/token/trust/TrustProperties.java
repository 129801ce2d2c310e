package org.callcenter.token.trust;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * @param internalSecret the secret the suite's services share to sign their identities;
 * at least 16 characters
 */
@Validated
@ConfigurationProperties("trust")
public record TrustProperties(@NotBlank @Size(min = 16) String internalSecret) {
}
