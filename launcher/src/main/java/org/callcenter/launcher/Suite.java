package org.callcenter.launcher;

import java.util.ArrayList;
import java.util.List;

import org.callcenter.callback.CallbackServiceApplication;
import org.callcenter.emulator.OpenTokEmulatorApplication;
import org.callcenter.queue.QueueServiceApplication;
import org.callcenter.token.TokenServiceApplication;

import org.springframework.context.ConfigurableApplicationContext;

/**
 * Every service of the call center in this JVM, each its own Spring application with its own
 * configuration file and port, wired to one Redis and one Kafka. Services start in dependency
 * order: callback-service, the emulator (posting its callbacks there), token-service, queue-service.
 * A port of 0 picks a free one.
 */
public final class Suite implements AutoCloseable {

	private final List<ConfigurableApplicationContext> started = new ArrayList<>();

	private final String callbackUrl;

	private final String emulatorUrl;

	private final String tokenUrl;

	private final String queueUrl;

	private Suite(SuiteSettings settings) {
		String redisHost = "--spring.data.redis.host=" + settings.redisHost();
		String redisPort = "--spring.data.redis.port=" + settings.redisPort();
		String kafka = "--spring.kafka.bootstrap-servers=" + settings.kafkaBootstrapServers();
		try {
			this.callbackUrl = url(start(CallbackServiceApplication.start(port(settings.ports().callback()), kafka,
					"--callbacks.signature-secret=" + settings.openTok().signatureSecret())));
			String openTokUrl;
			if (settings.openTok().emulated()) {
				this.emulatorUrl = url(start(OpenTokEmulatorApplication.start(port(settings.ports().emulator()),
						"--emulator.api-key=" + settings.openTok().apiKey(),
						"--emulator.api-secret=" + settings.openTok().apiSecret(),
						"--emulator.callback-url=" + this.callbackUrl + "/ot_callback",
						"--emulator.signature-secret=" + settings.openTok().signatureSecret())));
				openTokUrl = this.emulatorUrl;
			}
			else {
				this.emulatorUrl = null;
				openTokUrl = "https://api.opentok.com";
			}
			this.tokenUrl = url(start(TokenServiceApplication.start(port(settings.ports().token()), kafka,
					"--opentok.api-key=" + settings.openTok().apiKey(),
					"--opentok.api-secret=" + settings.openTok().apiSecret(), "--opentok.api-url=" + openTokUrl)));
			this.queueUrl = url(start(QueueServiceApplication.start(port(settings.ports().queue()), redisHost, redisPort,
					kafka, "--queue.namespace=" + settings.namespace(), "--queue.token-service-url=" + this.tokenUrl,
					"--queue.internal-secret=" + settings.internalSecret())));
		}
		catch (RuntimeException ex) {
			close();
			throw ex;
		}
	}

	public static Suite start(SuiteSettings settings) {
		return new Suite(settings);
	}

	public String callbackServiceUrl() {
		return this.callbackUrl;
	}

	/** Null when a real OpenTok account is used. */
	public String emulatorUrl() {
		return this.emulatorUrl;
	}

	public String tokenServiceUrl() {
		return this.tokenUrl;
	}

	public String queueServiceUrl() {
		return this.queueUrl;
	}

	/** Stops the services in reverse order of start. */
	@Override
	public void close() {
		for (int i = this.started.size() - 1; i >= 0; i--) {
			this.started.get(i).close();
		}
		this.started.clear();
	}

	private ConfigurableApplicationContext start(ConfigurableApplicationContext context) {
		this.started.add(context);
		return context;
	}

	private static String port(int port) {
		return "--server.port=" + port;
	}

	private static String url(ConfigurableApplicationContext context) {
		return "http://127.0.0.1:" + context.getEnvironment().getProperty("local.server.port");
	}

}
