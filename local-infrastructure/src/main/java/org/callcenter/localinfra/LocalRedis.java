package org.callcenter.localinfra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

import redis.embedded.RedisServer;
import redis.embedded.core.RedisServerBuilder;

/**
 * A real {@code redis-server} process (the binary shipped in embedded-redis) on
 * 127.0.0.1, either keeping nothing or, as {@code ./run} and docker-compose.yml run
 * Redis, every change in an append-only file synced each second.
 */
public final class LocalRedis implements AutoCloseable {

	private final int port;

	/** Where the append-only file is kept, or null for a server that keeps nothing. */
	private final Path dataDirectory;

	private RedisServer server;

	private LocalRedis(int port, Path dataDirectory) {
		this.port = port;
		this.dataDirectory = dataDirectory;
		this.server = startServer();
	}

	/** Starts a server on {@code port} that keeps nothing on disk. */
	public static LocalRedis ephemeral(int port) {
		return new LocalRedis(port, null);
	}

	/**
	 * Starts a server on {@code port} that keeps an append-only file in
	 * {@code dataDirectory}.
	 */
	public static LocalRedis persistent(int port, Path dataDirectory) {
		return new LocalRedis(port, dataDirectory.toAbsolutePath());
	}

	private RedisServer startServer() {
		try {
			RedisServerBuilder builder = RedisServer.newRedisServer()
				.bind("127.0.0.1")
				.port(this.port)
				.setting("save \"\"");
			if (this.dataDirectory == null) {
				builder.setting("appendonly no");
			}
			else {
				// a crash loses at most about the last second, and a restart finds
				// everything else again
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

	/** Starts the server again on the same port, with the same data directory. */
	public void restart() {
		this.server = startServer();
	}

	public String host() {
		return "127.0.0.1";
	}

	public int port() {
		return this.port;
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

}
