package org.callcenter.gateway.pages;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.springframework.core.io.ByteArrayResource;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * The web client's files (the {@code static/} folder of the web-client jar), read into
 * memory once at start. Served from the class path instead, every request for a page
 * asked the class loader several times (exists, length, last modified, content), and each
 * ask searches every jar of an executable jar's class path: measured with JFR, 90 % of
 * the gateway's CPU for a page, which then came at a fifth of the rate of its health
 * check. The files are small (tens of KB in all) and never change in a running jar.
 */
@Component
public class StaticPages {

	static final String LOCATION = "static/";

	private final Map<String, Resource> files;

	public StaticPages() {
		this.files = read();
	}

	/**
	 * The file at {@code path} relative to the web client's root, such as
	 * {@code js/call.js}.
	 */
	public Optional<Resource> find(String path) {
		return Optional.ofNullable(this.files.get(path));
	}

	private static Map<String, Resource> read() {
		Map<String, Resource> files = new TreeMap<>();
		try {
			for (Resource resource : new PathMatchingResourcePatternResolver()
				.getResources("classpath*:/" + LOCATION + "**")) {
				String url = resource.getURL().toString();
				String path = url.substring(url.lastIndexOf("/" + LOCATION) + LOCATION.length() + 1);
				if (resource.isReadable() && !path.isEmpty() && !path.endsWith("/")) {
					files.putIfAbsent(path, new LoadedFile(resource.getContentAsByteArray(), resource.getFilename(),
							resource.lastModified()));
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("could not read the web client's files", ex);
		}
		return Map.copyOf(files);
	}

	/**
	 * A file's bytes with the name and time that content type and caching headers need.
	 */
	private static final class LoadedFile extends ByteArrayResource {

		private final String filename;

		private final long lastModified;

		LoadedFile(byte[] content, String filename, long lastModified) {
			super(content, filename);
			this.filename = filename;
			this.lastModified = lastModified;
		}

		@Override
		public String getFilename() {
			return this.filename;
		}

		@Override
		public long lastModified() {
			return this.lastModified;
		}

	}

}
