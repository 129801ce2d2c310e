package org.callcenter.testsupport;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.WeakHashMap;
import java.util.logging.Level;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;

/**
 * Debian's headless Chromium driven by its ChromeDriver, with a fake camera and
 * microphone, never downloading anything. Missing browser: the test is skipped on a
 * developer's machine, and fails in CI, where {@code .ci/run} installs it.
 *
 * <p>
 * Every browser records what its pages report, so that a test can fail on it
 * ({@link #problems}): uncaught errors, unhandled promise rejections and
 * {@code console.error} calls (into {@code window.__problems}, by a script run before
 * each page's own), and the browser's log.
 */
public final class Chromium {

	private static final Path BROWSER = Path.of("/usr/bin/chromium");

	private static final Path DRIVER = Path.of("/usr/bin/chromedriver");

	/**
	 * Runs in every document before its own scripts: keeps what the page would only
	 * print.
	 */
	private static final String RECORD_PROBLEMS = """
			(function () {
			  var problems = window.__problems = window.__problems || [];
			  function text(value) {
			    if (value instanceof Error) return value.name + ': ' + value.message;
			    if (typeof value === 'string') return value;
			    try { return JSON.stringify(value); } catch (e) { return String(value); }
			  }
			  window.addEventListener('error', function (event) {
			    if (event.error || event.message) {
			      problems.push('uncaught error: ' + (event.error ? text(event.error) : event.message)
			        + (event.filename ? ' at ' + event.filename + ':' + event.lineno : ''));
			    }
			  });
			  window.addEventListener('unhandledrejection', function (event) {
			    problems.push('unhandled rejection: ' + text(event.reason));
			  });
			  var original = console.error;
			  console.error = function () {
			    problems.push('console.error: ' + Array.prototype.map.call(arguments, text).join(' '));
			    return original.apply(console, arguments);
			  };
			})();
			""";

	/**
	 * "http://host/api/calls - Failed to load resource: the server responded with a
	 * status of 429 (Too Many Requests)", as Chromium logs a refused or failed request.
	 */
	private static final Pattern FAILED_RESOURCE = Pattern.compile("^(\\S+) - Failed to load resource: (.*)$",
			Pattern.DOTALL);

	private static final Pattern REFUSED_OR_UNREACHABLE = Pattern.compile("status of [45]\\d\\d|net::ERR_");

	/**
	 * What each browser reported so far. Reading the browser log empties it, and a page's
	 * own record goes with the page, so both are kept here as they are read (a weak map:
	 * a quit browser is forgotten with its driver).
	 */
	private static final Map<ChromeDriver, List<String>> REPORTED = Collections.synchronizedMap(new WeakHashMap<>());

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
					"--window-size=1280,900", "--user-data-dir=" + Files.createTempDirectory("chromium-profile"));
			LoggingPreferences logs = new LoggingPreferences();
			logs.enable(LogType.BROWSER, Level.ALL);
			options.setCapability(ChromeOptions.LOGGING_PREFS, logs);
			ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(DRIVER.toFile())
				.usingAnyFreePort()
				.build();
			ChromeDriver driver = new ChromeDriver(service, options);
			driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(10));
			beforeEveryPage(driver, RECORD_PROBLEMS);
			return driver;
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * Makes the browser's camera and microphone missing or denied, for the pages loaded
	 * from now on (call it before loading the page). Only what a request needs decides:
	 * <ul>
	 * <li>{@code camera=false, microphone=true}: a request with video rejects with a
	 * {@code NotFoundError} DOMException ("Requested device not found"), as on a computer
	 * without a camera; an audio-only request succeeds;</li>
	 * <li>{@code camera=true, microphone=false}: a request with audio rejects with
	 * {@code NotFoundError};</li>
	 * <li>both false: every request rejects with {@code NotAllowedError} ("Permission
	 * denied"), as when the person denied access;</li>
	 * <li>both true: the fake devices, unchanged.</li>
	 * </ul>
	 */
	public static void simulateDevices(ChromeDriver driver, boolean camera, boolean microphone) {
		beforeEveryPage(driver, """
				(function (camera, microphone) {
				  var devices = navigator.mediaDevices;
				  if (!devices || !devices.getUserMedia) return;
				  var original = devices.getUserMedia.bind(devices);
				  devices.getUserMedia = function (constraints) {
				    var video = !!(constraints && constraints.video);
				    var audio = !!(constraints && constraints.audio);
				    if (!camera && !microphone) {
				      return Promise.reject(new DOMException('Permission denied', 'NotAllowedError'));
				    }
				    if ((video && !camera) || (audio && !microphone)) {
				      return Promise.reject(new DOMException('Requested device not found', 'NotFoundError'));
				    }
				    return original(constraints);
				  };
				})(%s, %s);
				""".formatted(camera, microphone));
	}

	/**
	 * What the browser reported since it started: every uncaught error, unhandled
	 * rejection and {@code console.error} of its pages, and every SEVERE entry of its
	 * log; except a refused or failed request to the API ({@code /api/...}): the pages
	 * handle those themselves and say so on the page. A failed request for anything else
	 * (a page's own script, style or icon) is a problem.
	 */
	public static List<String> problems(ChromeDriver driver) {
		List<String> reported = REPORTED.computeIfAbsent(driver,
				(d) -> Collections.synchronizedList(new ArrayList<>()));
		try {
			Object recorded = driver
				.executeScript("var p = window.__problems || []; window.__problems = []; return p.slice();");
			if (recorded instanceof List<?> list) {
				list.forEach((problem) -> reported.add(String.valueOf(problem)));
			}
		}
		catch (WebDriverException ex) {
			reported.add("could not read the page's problems: " + firstLine(ex));
		}
		try {
			for (LogEntry entry : driver.manage().logs().get(LogType.BROWSER)) {
				if (entry.getLevel().intValue() >= Level.SEVERE.intValue() && !handledByThePage(entry.getMessage())) {
					reported.add("browser log: " + entry.getMessage());
				}
			}
		}
		catch (WebDriverException ex) {
			reported.add("could not read the browser log: " + firstLine(ex));
		}
		synchronized (reported) {
			return List.copyOf(reported);
		}
	}

	private static String firstLine(WebDriverException ex) {
		return String.valueOf(ex.getMessage()).lines().findFirst().orElse("");
	}

	private static boolean handledByThePage(String message) {
		Matcher failed = FAILED_RESOURCE.matcher(message);
		if (!failed.matches() || !REFUSED_OR_UNREACHABLE.matcher(failed.group(2)).find()) {
			return false;
		}
		try {
			String path = URI.create(failed.group(1)).getPath();
			return path != null && path.startsWith("/api/");
		}
		catch (IllegalArgumentException ex) {
			return false;
		}
	}

	private static void beforeEveryPage(ChromeDriver driver, String script) {
		driver.executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source", script));
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
