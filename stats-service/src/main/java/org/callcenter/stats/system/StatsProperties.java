package org.callcenter.stats.system;

import java.time.Duration;
import java.time.ZoneId;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * @param serviceLevelThreshold a call answered within this time after it reached the
 * center counts as answered in service level
 * @param shortAbandon a caller who gives up within this time is left out of the service
 * level and the abandonment rate (a misdial, a caller who changed their mind)
 * @param internalSecret the secret shared with the gateway: it signs agent identities;
 * set it in production (at least 16 characters)
 * @param timeZone the time zone of "today" and of the report's hours and days when a
 * request names none
 * @param applicationServer host:port where the other instances reach this one (Kafka
 * Streams' {@code application.server}): queries are forwarded there
 * @param summaryRetention how long after its end a call's summary is kept (its figures
 * stay): longer than any event of an ended call can still come (queue-service's
 * ended-call retention, the outbox relay's repeats, an outage of this service)
 */
@Validated
@ConfigurationProperties("stats")
public record StatsProperties(@NotNull @DefaultValue("20s") Duration serviceLevelThreshold,
		@NotNull @DefaultValue("5s") Duration shortAbandon, @NotBlank @Size(min = 16) String internalSecret,
		@NotNull @DefaultValue("UTC") ZoneId timeZone,
		@NotBlank @Pattern(regexp = "[^:/\\s]+:\\d{1,5}", message = "must be host:port") String applicationServer,
		@NotNull @DefaultValue("7d") Duration summaryRetention) {

}
