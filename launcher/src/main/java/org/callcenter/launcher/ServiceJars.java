package org.callcenter.launcher;

import java.io.File;
import java.nio.file.Path;

/**
 * Where the services' executable jars are: one directory with {@code <service>-exec.jar}
 * for each, which the build fills from the exec-classifier artifacts a module declares
 * (maven-dependency-plugin), so that nothing looks into another module's {@code target}
 * directory.
 *
 * @param directory holds {@code opentok-emulator-exec.jar}, {@code gateway-exec.jar}, ...
 */
public record ServiceJars(Path directory) {

	/** System property naming the directory, for a suite started from tests. */
	public static final String PROPERTY = "callcenter.service-jars";

	/**
	 * The directory the {@value #PROPERTY} system property names; else {@code services/}
	 * beside the jar this JVM was started from
	 * ({@code java -jar launcher/target/launcher-*-exec.jar} finds
	 * {@code launcher/target/services}).
	 */
	public static ServiceJars locate() {
		String configured = System.getProperty(PROPERTY);
		if (configured != null && !configured.isBlank()) {
			return new ServiceJars(Path.of(configured).toAbsolutePath());
		}
		// with java -jar the class path is that jar alone
		String classPath = System.getProperty("java.class.path", "");
		if (classPath.endsWith(".jar") && !classPath.contains(File.pathSeparator)) {
			return new ServiceJars(Path.of(classPath).toAbsolutePath().getParent().resolve("services"));
		}
		throw new IllegalStateException("where are the services' jars? Set -D" + PROPERTY
				+ "=<directory with gateway-exec.jar, queue-service-exec.jar, ...>");
	}

	/**
	 * The executable jar of {@code service} (ServiceProcess says so if it is missing).
	 */
	Path jar(String service) {
		return this.directory.resolve(service + "-exec.jar");
	}

}
