package org.callcenter.testsupport;

import java.nio.file.Path;

import org.callcenter.localinfra.FreePorts;
import org.callcenter.localinfra.LocalRedis;

/**
 * A real {@code redis-server} process ({@link LocalRedis}) on a free loopback port.
 * {@link #shared()} is started once per test run; tests isolate themselves by key prefix.
 * A Spring Boot test connects to it with {@code @Import(RealRedisConnection.class)}.
 */
public final class RealRedis implements AutoCloseable {

	private final LocalRedis server;

	private RealRedis(LocalRedis server) {
		this.server = server;
	}

	/** The Redis server every test of this run shares. */
	public static RealRedis shared() {
		return Shared.INSTANCE;
	}

	/** A Redis server of its own, for a test that stops it. */
	public static RealRedis startNew() {
		return new RealRedis(LocalRedis.ephemeral(FreePorts.next()));
	}

	/**
	 * A Redis server of its own that keeps an append-only file in {@code dataDirectory}.
	 */
	public static RealRedis persistent(Path dataDirectory) {
		return new RealRedis(LocalRedis.persistent(FreePorts.next(), dataDirectory));
	}

	/**
	 * Kills the server as a crash would (SIGKILL: no shutdown, nothing flushed on the way
	 * out).
	 */
	public void crash(long processId) {
		ProcessHandle.of(processId).ifPresent((process) -> {
			process.destroyForcibly();
			process.onExit().join();
		});
	}

	/** Starts the server again on the same port, with the same data directory. */
	public void restart() {
		this.server.restart();
	}

	public int port() {
		return this.server.port();
	}

	public String host() {
		return this.server.host();
	}

	public boolean isRunning() {
		return this.server.isRunning();
	}

	public void stop() {
		this.server.stop();
	}

	@Override
	public void close() {
		stop();
	}

	private static final class Shared {

		private static final RealRedis INSTANCE = startNew();

		static {
			Runtime.getRuntime().addShutdownHook(new Thread(INSTANCE::stop, "stop-shared-redis"));
		}

	}

}
