package org.callcenter.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;

import redis.embedded.RedisServer;

/**
 * A real {@code redis-server} process (the binary shipped in embedded-redis) on a free loopback
 * port. {@link #shared()} is started once per test run; tests isolate themselves by key prefix.
 */
public final class RealRedis implements AutoCloseable {

	private final RedisServer server;

	private final int port;

	private RealRedis() {
		this.port = FreePorts.next();
		try {
			this.server = RedisServer.newRedisServer()
				.bind("127.0.0.1")
				.port(this.port)
				.setting("save \"\"")
				.setting("appendonly no")
				.build();
			this.server.start();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("could not start redis-server on port " + this.port, ex);
		}
	}

	/** The Redis server every test of this run shares. */
	public static RealRedis shared() {
		return Shared.INSTANCE;
	}

	/** A Redis server of its own, for a test that stops it. */
	public static RealRedis startNew() {
		return new RealRedis();
	}

	public int port() {
		return this.port;
	}

	public String host() {
		return "127.0.0.1";
	}

	public boolean isRunning() {
		return this.server.isActive();
	}

	public void stop() {
		try {
			this.server.stop();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	@Override
	public void close() {
		stop();
	}

	private static final class Shared {

		private static final RealRedis INSTANCE = new RealRedis();

		static {
			Runtime.getRuntime().addShutdownHook(new Thread(INSTANCE::stop, "stop-shared-redis"));
		}

	}

}
