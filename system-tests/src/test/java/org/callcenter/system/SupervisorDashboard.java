package org.callcenter.system;

import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.Select;

import org.callcenter.testsupport.Chromium;

import static org.awaitility.Awaitility.await;

/**
 * The supervisors' dashboard, as a supervisor reaches it: signed in, the console offers
 * the link to it. Closing it fails the test if the page reported an uncaught error, a
 * console error or a missing asset ({@link Chromium#problems}).
 */
final class SupervisorDashboard implements AutoCloseable {

	private final ChromeDriver browser = Chromium.start();

	private final String gateway;

	SupervisorDashboard(String gateway) {
		this.gateway = gateway;
	}

	/**
	 * Signs in on the console, sets the supervisor away so that no caller goes to her
	 * while she watches, and follows the console's link to the dashboard; returns once
	 * the dashboard is live and shows the figures.
	 */
	SupervisorDashboard open(String user, String password) {
		this.browser.get(this.gateway + "/agent.html");
		await().atMost(CallerPage.PATIENCE).until(() -> this.browser.getCurrentUrl().contains("/login"));
		this.browser.findElement(By.id("username")).sendKeys(user);
		this.browser.findElement(By.id("password")).sendKeys(password);
		this.browser.findElement(By.id("sign-in-button")).click();
		await().atMost(CallerPage.PATIENCE)
			.until(() -> this.browser.getCurrentUrl().contains("/agent.html")
					&& this.browser.findElement(By.id("dashboard-link")).isDisplayed()
					&& !"…".equals(this.browser.findElement(By.id("state-badge")).getText()));
		new Select(this.browser.findElement(By.id("state-select"))).selectByValue("AWAY");
		Select reasons = new Select(this.browser.findElement(By.id("away-reason")));
		await().atMost(CallerPage.PATIENCE).until(() -> reasons.getOptions().size() > 0);
		this.browser.findElement(By.id("state-button")).click();
		await().atMost(CallerPage.PATIENCE)
			.until(() -> this.browser.findElement(By.id("state-badge")).getText().startsWith("Away"));
		Chromium.problems(this.browser); // read now: the console's own record goes with
											// it
		this.browser.findElement(By.id("dashboard-link")).click();
		await().atMost(CallerPage.PATIENCE)
			.until(() -> this.browser.getCurrentUrl().contains("/supervisor.html") && "Live".equals(text("live-status"))
					&& !"—".equals(tile("tile-waiting")));
		return this;
	}

	/** The banner about OpenTok's session-monitoring webhooks; empty while hidden. */
	String monitoringBanner() {
		WebElement banner = this.browser.findElement(By.id("monitoring-banner"));
		return banner.isDisplayed() ? banner.getText() : "";
	}

	/** A tile's figure, as shown: "0", "1 min 3 s", "50 %", "—". */
	String tile(String id) {
		return fresh(() -> this.browser.findElement(By.cssSelector("#" + id + " [data-value]")).getText());
	}

	/** The line under a tile's figure. */
	String tileNote(String id) {
		return fresh(() -> this.browser.findElement(By.cssSelector("#" + id + " [data-note]")).getText());
	}

	/** The waiting callers' names, next first. */
	List<String> waitingNames() {
		return fresh(() -> this.browser.findElements(By.cssSelector("#waiting .caller-name"))
			.stream()
			.map(WebElement::getText)
			.toList());
	}

	/**
	 * The queue the waiting list names for a caller ("Calls"), empty when it names none.
	 */
	String queueOf(String name) {
		return fresh(() -> this.browser.findElements(By.cssSelector("#waiting li"))
			.stream()
			.filter((item) -> item.findElement(By.cssSelector(".caller-name")).getText().equals(name))
			.map((item) -> item.findElement(By.cssSelector(".caller-queue")).getText())
			.findFirst()
			.orElse(""));
	}

	/** What the waiting list says of a caller's wait: "waiting 12 s". */
	String waitOf(String name) {
		return fresh(() -> this.browser.findElements(By.cssSelector("#waiting li"))
			.stream()
			.filter((item) -> item.findElement(By.cssSelector(".caller-name")).getText().equals(name))
			.map((item) -> item.findElement(By.cssSelector(".caller-wait")).getText())
			.findFirst()
			.orElse(""));
	}

	/** The agents' rows: "Alice Available 1 min 3 s 0 —". */
	List<String> agentRows() {
		return fresh(() -> this.browser.findElements(By.cssSelector("#agents tr"))
			.stream()
			.map(WebElement::getText)
			.toList());
	}

	boolean showsNoOneWaiting() {
		return shows("no-waiting") && text("no-waiting").equals("No one is waiting.");
	}

	/** The address the "Download CSV" control links to. */
	String csvLink() {
		return this.browser.findElement(By.id("csv-link")).getAttribute("href");
	}

	/** Whether the chart (uPlot's canvas) is drawn. */
	boolean showsChart() {
		return !this.browser.findElements(By.cssSelector("#chart canvas")).isEmpty();
	}

	/** The whole page, as tall as it is, for the docs. */
	void screenshot(String name) {
		long height = ((Number) this.browser.executeScript("return document.documentElement.scrollHeight;"))
			.longValue();
		this.browser.executeCdpCommand("Emulation.setDeviceMetricsOverride",
				Map.of("width", 1280, "height", height, "deviceScaleFactor", 1, "mobile", false));
		try {
			Chromium.screenshot(this.browser, name);
		}
		finally {
			this.browser.executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
		}
	}

	private boolean shows(String id) {
		List<WebElement> found = this.browser.findElements(By.id(id));
		return !found.isEmpty() && found.get(0).isDisplayed();
	}

	private String text(String id) {
		return fresh(() -> this.browser.findElement(By.id(id)).getText());
	}

	/** Read again when the page replaced the element meanwhile. */
	private static <T> T fresh(Supplier<T> read) {
		for (int attempt = 0;; attempt++) {
			try {
				return read.get();
			}
			catch (StaleElementReferenceException ex) {
				if (attempt == 5) {
					throw ex;
				}
			}
		}
	}

	@Override
	public void close() {
		List<String> problems;
		try {
			problems = Chromium.problems(this.browser);
		}
		finally {
			this.browser.quit();
		}
		if (!problems.isEmpty()) {
			throw new AssertionError("the dashboard reported problems:\n  " + String.join("\n  ", problems));
		}
	}

}
