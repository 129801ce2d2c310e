package org.callcenter.system;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * What a load balancer in front of several gateways does, at the TCP level: each new
 * connection goes to the next gateway in turn, or to the one after if that refuses. A
 * gateway that dies takes its connections with it; browsers reconnect (event streams by
 * themselves) and land on one alive. The emulator's signalling socket goes straight to
 * the emulator, as an ingress would route it: OpenTok's own signalling never passes
 * through a gateway, and a gateway's crash must not cut calls.
 */
final class FrontDoor implements AutoCloseable {

	private final ServerSocket server;

	private final List<Integer> gatewayPorts;

	private final AtomicInteger next = new AtomicInteger();

	private final ExecutorService pipes = Executors.newCachedThreadPool((task) -> {
		Thread thread = new Thread(task, "front-door");
		thread.setDaemon(true);
		return thread;
	});

	private final int emulatorPort;

	FrontDoor(List<Integer> gatewayPorts, int emulatorPort) throws IOException {
		this.gatewayPorts = gatewayPorts;
		this.emulatorPort = emulatorPort;
		this.server = new ServerSocket(0, 200, InetAddress.getLoopbackAddress());
		this.pipes.execute(this::accept);
	}

	String url() {
		return "http://127.0.0.1:" + this.server.getLocalPort();
	}

	private void accept() {
		while (!this.server.isClosed()) {
			try {
				Socket client = this.server.accept();
				this.pipes.execute(() -> forward(client));
			}
			catch (IOException closed) {
				return;
			}
		}
	}

	private void forward(Socket client) {
		byte[] requestLine;
		try {
			requestLine = firstLine(client.getInputStream());
		}
		catch (IOException ex) {
			close(client);
			return;
		}
		List<Integer> ports = new String(requestLine, StandardCharsets.ISO_8859_1)
			.startsWith("GET /opentok-emulator/ws") ? List.of(this.emulatorPort) : this.gatewayPorts;
		int first = this.next.getAndIncrement();
		for (int i = 0; i < ports.size(); i++) {
			int port = ports.get(Math.floorMod(first + i, ports.size()));
			Socket backend = new Socket();
			try {
				backend.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 1000);
				backend.getOutputStream().write(requestLine);
			}
			catch (IOException refused) {
				close(backend);
				continue;
			}
			this.pipes.execute(() -> pipe(client, backend));
			pipe(backend, client);
			return;
		}
		close(client);
	}

	/**
	 * The request line, read byte by byte so that nothing after it is taken from the
	 * stream.
	 */
	private static byte[] firstLine(InputStream in) throws IOException {
		ByteArrayOutputStream line = new ByteArrayOutputStream();
		int read;
		while ((read = in.read()) != -1) {
			line.write(read);
			if (read == '\n' || line.size() > 8192) {
				break;
			}
		}
		return line.toByteArray();
	}

	/** Copies until either side closes, then closes both. */
	private static void pipe(Socket from, Socket to) {
		try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
			in.transferTo(out);
		}
		catch (IOException ended) {
			// one side went away
		}
		finally {
			close(from);
			close(to);
		}
	}

	private static void close(Socket socket) {
		try {
			socket.close();
		}
		catch (IOException ex) {
			// already closed
		}
	}

	@Override
	public void close() throws IOException {
		this.server.close();
		this.pipes.shutdownNow();
	}

}
