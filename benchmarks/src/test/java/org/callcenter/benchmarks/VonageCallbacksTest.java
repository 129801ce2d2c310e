package org.callcenter.benchmarks;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;

import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.crypto.MACVerifier;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

class VonageCallbacksTest {

	private static final String SECRET = "emulator-callback-signing-secret";

	@Test
	void aCallerConnectedCallbackNamesTheCallInItsConnectionData() {
		JsonNode body = JsonMapper.builder()
			.build()
			.readTree(VonageCallbacks.callerConnected(12345678, "session-1", "connection-1", "call-1"));
		assertThat(body.get("event").asString()).isEqualTo("connectionCreated");
		assertThat(body.get("projectId").asString()).isEqualTo("12345678");
		JsonNode data = JsonMapper.builder().build().readTree(body.at("/connection/data").asString());
		assertThat(data.get("userId").asString()).isEqualTo("call-1");
		assertThat(data.get("userType").asString()).isEqualTo("caller");
	}

	@Test
	void theSignatureVerifiesWithTheSecretAndHashesTheBody() throws Exception {
		String body = VonageCallbacks.callerConnected(12345678, "s", "c", "call");
		String authorization = VonageCallbacks.authorization(body, SECRET, 12345678);
		assertThat(authorization).startsWith("Bearer ");
		JWSObject jws = JWSObject.parse(authorization.substring(7));
		assertThat(jws.verify(new MACVerifier(SECRET.getBytes(StandardCharsets.UTF_8)))).isTrue();
		assertThat(jws.verify(new MACVerifier("another-secret-of-thirty-two-byte".getBytes(StandardCharsets.UTF_8))))
			.isFalse();
		assertThat(jws.getPayload().toJSONObject()).containsEntry("iss", "Vonage")
			.containsEntry("payload_hash", HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(body.getBytes(StandardCharsets.UTF_8))));
	}

}
