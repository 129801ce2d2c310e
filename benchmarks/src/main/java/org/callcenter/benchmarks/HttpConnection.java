package org.callcenter.benchmarks;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;

/**
 * One keep-alive HTTP/1.1 connection, as wrk holds them: a request written as prepared
 * bytes, the answer read whole (by {@code Content-Length}, chunks, or to the end), the
 * connection kept for the next request unless the server closes it. Small and
 * allocation-light on purpose, so that on a machine the load generator shares with the
 * suite it takes little of the CPU it measures.
 */
final class HttpConnection implements AutoCloseable {

	private final String host;

	private final int port;

	private Socket socket;

	private InputStream in;

	private OutputStream out;

	HttpConnection(URI base) {
		this.host = base.getHost();
		this.port = base.getPort();
	}

	/** The answer to {@code request}; on a failure the connection is closed. */
	Response send(byte[] request) throws IOException {
		if (this.socket == null) {
			this.socket = new Socket();
			this.socket.setTcpNoDelay(true);
			this.socket.connect(new InetSocketAddress(this.host, this.port), 2000);
			this.socket.setSoTimeout(30_000);
			this.in = new BufferedInputStream(this.socket.getInputStream(), 16 * 1024);
			this.out = this.socket.getOutputStream();
		}
		try {
			this.out.write(request);
			this.out.flush();
			Response response = read(this.in);
			if (response.closes()) {
				close();
			}
			return response;
		}
		catch (IOException ex) {
			close();
			throw ex;
		}
	}

	@Override
	public void close() {
		if (this.socket != null) {
			try {
				this.socket.close();
			}
			catch (IOException ex) {
				// closing anyway
			}
			this.socket = null;
		}
	}

	/**
	 * A request as bytes, ready to be written again and again.
	 * @param base the server, whose host and port make the {@code Host} header
	 * @param body JSON or a form, or null for none
	 */
	static byte[] request(String method, URI base, String path, Map<String, String> headers, String body) {
		StringBuilder head = new StringBuilder(256).append(method)
			.append(' ')
			.append(path)
			.append(" HTTP/1.1\r\nHost: ")
			.append(base.getHost())
			.append(':')
			.append(base.getPort())
			.append("\r\n");
		headers.forEach((name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
		byte[] content = (body != null) ? body.getBytes(StandardCharsets.UTF_8) : new byte[0];
		if (body != null || !"GET".equals(method)) {
			head.append("Content-Length: ").append(content.length).append("\r\n");
		}
		head.append("\r\n");
		byte[] start = head.toString().getBytes(StandardCharsets.UTF_8);
		byte[] all = new byte[start.length + content.length];
		System.arraycopy(start, 0, all, 0, start.length);
		System.arraycopy(content, 0, all, start.length, content.length);
		return all;
	}

	/** Reads one answer: status line, headers, and the body however it is framed. */
	static Response read(InputStream in) throws IOException {
		String status = line(in);
		if (!status.startsWith("HTTP/1.")) {
			throw new IOException("not an HTTP answer: " + status);
		}
		int code = Integer.parseInt(status.substring(9, 12));
		long length = -1;
		boolean chunked = false;
		boolean closes = status.startsWith("HTTP/1.0");
		for (String header = line(in); !header.isEmpty(); header = line(in)) {
			int colon = header.indexOf(':');
			if (colon < 0) {
				continue;
			}
			String name = header.substring(0, colon).trim().toLowerCase(Locale.ROOT);
			String value = header.substring(colon + 1).trim();
			switch (name) {
				case "content-length" -> length = Long.parseLong(value);
				case "transfer-encoding" -> chunked = value.toLowerCase(Locale.ROOT).contains("chunked");
				case "connection" -> closes = value.equalsIgnoreCase("close");
				default -> {
				}
			}
		}
		ByteArrayOutputStream body = new ByteArrayOutputStream();
		if (chunked) {
			for (long size = chunkSize(line(in)); size > 0; size = chunkSize(line(in))) {
				copy(in, body, size);
				line(in);
			}
			while (!line(in).isEmpty()) {
				// trailers
			}
		}
		else if (length >= 0) {
			copy(in, body, length);
		}
		else if (code != 204 && code != 304 && code / 100 != 1) {
			in.transferTo(body);
			closes = true;
		}
		return new Response(code, body.toByteArray(), closes);
	}

	private static long chunkSize(String line) {
		int extension = line.indexOf(';');
		return Long.parseLong(((extension < 0) ? line : line.substring(0, extension)).trim(), 16);
	}

	private static void copy(InputStream in, ByteArrayOutputStream body, long length) throws IOException {
		byte[] buffer = new byte[8192];
		long left = length;
		while (left > 0) {
			int read = in.read(buffer, 0, (int) Math.min(buffer.length, left));
			if (read < 0) {
				throw new EOFException("the answer ended early");
			}
			body.write(buffer, 0, read);
			left -= read;
		}
	}

	private static String line(InputStream in) throws IOException {
		StringBuilder line = new StringBuilder(64);
		for (int read = in.read(); read != '\n'; read = in.read()) {
			if (read < 0) {
				throw new EOFException("the connection closed");
			}
			if (read != '\r') {
				line.append((char) read);
			}
		}
		return line.toString();
	}

	/**
	 * @param closes whether the server closes the connection after this answer
	 */
	record Response(int status, byte[] body, boolean closes) {

		String text() {
			return new String(this.body, StandardCharsets.UTF_8);
		}

	}

}
