package org.callcenter.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;

import redis.embedded.RedisServer;

/**
 * A real {@code redis-server} process (the binary shipped in embedded-redis) on a free loopback
 * port. {@link #shared()} is started once per test run; tests isolate themselves by key prefix.
 */
public final class RealRedis implements AutoCloseable {

	private RedisServer server;

	private final int port;

	/** Where the append-only file is kept, or null for a server that keeps nothing. */
	private final java.nio.file.Path dataDirectory;

	private RealRedis(java.nio.file.Path dataDirectory) {
		this.port = FreePorts.next();
		this.dataDirectory = dataDirectory;
		this.server = startServer();
	}

	private RedisServer startServer() {
		try {
			redis.embedded.core.RedisServerBuilder builder = RedisServer.newRedisServer().bind("127.0.0.1").port(this.port).setting("save \"\"");
			if (this.dataDirectory == null) {
				builder.setting("appendonly no");
			}
			else {
				// as ./run and docker-compose.yml run Redis: every change in the append-only file, synced each second
				builder.setting("appendonly yes").setting("appendfsync everysec").setting("dir " + this.dataDirectory);
			}
			RedisServer started = builder.build();
			started.start();
			return started;
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
		return new RealRedis(null);
	}

	/** A Redis server of its own that keeps an append-only file in {@code dataDirectory}. */
	public static RealRedis persistent(java.nio.file.Path dataDirectory) {
		return new RealRedis(dataDirectory);
	}

	/** Kills the server as a crash would (SIGKILL: no shutdown, nothing flushed on the way out). */
	public void crash(long processId) {
		ProcessHandle.of(processId).ifPresent((process) -> {
			process.destroyForcibly();
			process.onExit().join();
		});
	}

	/** Starts the server again on the same port, with the same data directory. */
	public void restart() {
		this.server = startServer();
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

		private static final RealRedis INSTANCE = new RealRedis(null);

		static {
			Runtime.getRuntime().addShutdownHook(new Thread(INSTANCE::stop, "stop-shared-redis"));
		}

	}

}
