package org.callcenter.gateway.security;

import java.util.Arrays;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ContentSecurityPolicyTest {

	@Test
	void pagesRunOnlyTheSuitesOwnScriptsWithTheEmulator() {
		Map<String, String> policy = directives(SecurityConfiguration.contentSecurityPolicy(true));

		assertThat(policy.get("script-src")).isEqualTo("'self'");
		assertThat(policy.get("connect-src")).doesNotContain("https:");
	}

	@Test
	void withARealAccountOpenTokJsMayLoadAndConnect() {
		Map<String, String> policy = directives(SecurityConfiguration.contentSecurityPolicy(false));

		assertThat(policy.get("script-src")).isEqualTo("'self' https://static.opentok.com");
		assertThat(policy.get("connect-src")).contains("https:", "wss:");
	}

	@Test
	void noInlineScriptPluginOrFramingIsEverAllowed() {
		for (boolean emulated : new boolean[] { true, false }) {
			Map<String, String> policy = directives(SecurityConfiguration.contentSecurityPolicy(emulated));
			assertThat(policy.get("script-src")).doesNotContain("unsafe-inline", "unsafe-eval");
			assertThat(policy).containsEntry("object-src", "'none'")
				.containsEntry("frame-ancestors", "'none'")
				.containsEntry("form-action", "'self'")
				.containsEntry("default-src", "'self'");
			// camera and microphone are shown from blob: and mediastream: URLs
			assertThat(policy.get("media-src")).contains("blob:", "mediastream:");
		}
	}

	private static Map<String, String> directives(String policy) {
		return Arrays.stream(policy.split(";"))
			.map(String::trim)
			.collect(Collectors.toMap((directive) -> directive.split(" ", 2)[0],
					(directive) -> directive.split(" ", 2)[1]));
	}

}
