package org.callcenter.testsupport;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Debian's headless Chromium driven by its ChromeDriver, with a fake camera and microphone, never
 * downloading anything. Missing browser: the test is skipped on a developer's machine, and fails in
 * CI, where {@code .ci/run} installs it.
 */
public final class Chromium {

	private static final Path BROWSER = Path.of("/usr/bin/chromium");

	private static final Path DRIVER = Path.of("/usr/bin/chromedriver");

	private Chromium() {
	}

	public static ChromeDriver start() {
		boolean installed = Files.isExecutable(BROWSER) && Files.isExecutable(DRIVER);
		if (!installed && System.getenv("CI") != null) {
			throw new IllegalStateException("CI must install chromium and chromium-driver (see .ci/run)");
		}
		Assumptions.assumeTrue(installed, "Chromium not installed: apt-get install -y chromium chromium-driver");
		try {
			ChromeOptions options = new ChromeOptions();
			options.setBinary(BROWSER.toFile());
			options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
					"--use-fake-ui-for-media-stream", "--use-fake-device-for-media-stream",
					"--autoplay-policy=no-user-gesture-required", "--disable-background-networking",
					"--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic",
					"--window-size=1280,900",
					"--user-data-dir=" + Files.createTempDirectory("chromium-profile"));
			ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(DRIVER.toFile())
				.usingAnyFreePort()
				.build();
			ChromeDriver driver = new ChromeDriver(service, options);
			driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(10));
			return driver;
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	public static void screenshot(ChromeDriver driver, String name) {
		try {
			Path folder = Files.createDirectories(Path.of("target", "screenshots"));
			Files.write(folder.resolve(name + ".png"), ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
