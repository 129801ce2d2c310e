package org.callcenter.emulator.auth;

import java.io.IOException;
import java.time.Clock;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.callcenter.emulator.system.EmulatorProperties;

import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * Checks the {@code X-OPENTOK-AUTH} JWT the server SDK puts on every REST call: HS256
 * with the API secret, {@code iss} = API key, {@code ist} = project, not expired, not
 * issued in the future; and that a {@code /v2/project/{apiKey}} path names the same
 * project. Anything else is 401.
 */
@Component
public class ProjectAuthInterceptor implements HandlerInterceptor {

	static final String HEADER = "X-OPENTOK-AUTH";

	private static final long SKEW_SECONDS = 30;

	private static final Pattern PROJECT_PATH = Pattern.compile("/v2/project/([^/]+)/.*");

	private final EmulatorProperties properties;

	private final Clock clock;

	ProjectAuthInterceptor(EmulatorProperties properties, Clock clock) {
		this.properties = properties;
		this.clock = clock;
	}

	@Override
	public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler)
			throws IOException {
		String refusal = refusal(request);
		if (refusal == null) {
			return true;
		}
		response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
		response.setContentType(MediaType.APPLICATION_JSON_VALUE);
		response.getWriter().write("{\"code\":401,\"message\":\"" + refusal + "\"}");
		return false;
	}

	private String refusal(HttpServletRequest request) {
		String token = request.getHeader(HEADER);
		if (token == null || token.isBlank()) {
			return "missing " + HEADER;
		}
		Map<String, Object> claims;
		try {
			claims = Hs256.verify(token.trim(), this.properties.apiSecret());
		}
		catch (Hs256.InvalidToken ex) {
			return "invalid " + HEADER;
		}
		long now = this.clock.instant().getEpochSecond();
		if (!this.properties.apiKeyText().equals(String.valueOf(claims.get("iss")))) {
			return "unknown project";
		}
		if (!"project".equals(claims.get("ist"))) {
			return "ist must be project";
		}
		if (!(claims.get("exp") instanceof Number exp) || exp.longValue() < now - SKEW_SECONDS) {
			return "expired";
		}
		if (!(claims.get("iat") instanceof Number iat) || iat.longValue() > now + SKEW_SECONDS) {
			return "issued in the future";
		}
		Matcher path = PROJECT_PATH.matcher(request.getRequestURI());
		if (path.matches() && !path.group(1).equals(this.properties.apiKeyText())) {
			return "path names another project";
		}
		return null;
	}

}
