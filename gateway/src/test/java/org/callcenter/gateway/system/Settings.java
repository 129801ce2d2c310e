package org.callcenter.gateway.system;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/**
 * The gateway's settings for unit tests, bound as Boot binds them (defaults included)
 * from the few values a test names, so a new setting does not break every test that
 * builds them.
 */
public final class Settings {

	private Settings() {
	}

	/**
	 * The defaults with an API key and a secret, then {@code overrides}:
	 * {@code "dial-burst", "3", ...}.
	 */
	public static GatewayProperties gateway(String... overrides) {
		Map<String, String> values = new LinkedHashMap<>();
		values.put("gateway.open-tok-api-key", "12345678");
		values.put("gateway.internal-secret", "a-secret-of-at-least-sixteen-chars");
		values.put("gateway.agents[0].username", "alice");
		values.put("gateway.agents[0].password-hash", "{noop}demo");
		values.put("gateway.agents[0].display-name", "Alice Example");
		for (int i = 0; i < overrides.length; i += 2) {
			values.put("gateway." + overrides[i], overrides[i + 1]);
		}
		return new Binder(new MapConfigurationPropertySource(values)).bindOrCreate("gateway", GatewayProperties.class);
	}

}
