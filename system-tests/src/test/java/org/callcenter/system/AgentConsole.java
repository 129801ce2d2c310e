package org.callcenter.system;

import java.util.List;

import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;

import org.callcenter.testsupport.Chromium;

import static org.awaitility.Awaitility.await;

/**
 * The agent console, as an agent uses it. Closing it fails the test if the page reported
 * an uncaught error, a console error or a missing asset ({@link Chromium#problems}).
 */
final class AgentConsole implements AutoCloseable {

	private final ChromeDriver browser = Chromium.start();

	private final String gateway;

	AgentConsole(String gateway) {
		this.gateway = gateway;
	}

	/**
	 * A missing or denied camera or microphone ({@link Chromium#simulateDevices}); before
	 * signing in.
	 */
	AgentConsole withDevices(boolean camera, boolean microphone) {
		Chromium.simulateDevices(this.browser, camera, microphone);
		return this;
	}

	AgentConsole signIn(String user, String password) {
		this.browser.get(this.gateway + "/agent.html");
		await().atMost(CallerPage.PATIENCE).until(() -> this.browser.getCurrentUrl().contains("/login"));
		this.browser.findElement(By.id("username")).sendKeys(user);
		this.browser.findElement(By.id("password")).sendKeys(password);
		this.browser.findElement(By.id("sign-in-button")).click();
		// online and listening: the console has rendered its caller list (possibly empty)
		await().atMost(CallerPage.PATIENCE)
			.until(() -> this.browser.getCurrentUrl().contains("/agent.html")
					&& (this.browser.findElement(By.id("no-callers")).isDisplayed() || !callerNames().isEmpty()));
		return this;
	}

	/** Tries to sign in with a wrong password; answers what the sign-in page says. */
	String signInFails(String user, String password) {
		this.browser.get(this.gateway + "/agent.html");
		await().atMost(CallerPage.PATIENCE).until(() -> this.browser.getCurrentUrl().contains("/login"));
		this.browser.findElement(By.id("username")).sendKeys(user);
		this.browser.findElement(By.id("password")).sendKeys(password);
		this.browser.findElement(By.id("sign-in-button")).click();
		await().atMost(CallerPage.PATIENCE).until(() -> shows("sign-in-error"));
		return text("sign-in-error");
	}

	List<String> callerNames() {
		return fresh(() -> this.browser.findElements(By.cssSelector("#callers .card .name"))
			.stream()
			.map(WebElement::getText)
			.toList());
	}

	void awaitCallers(int count) {
		try {
			await().atMost(CallerPage.PATIENCE).until(() -> callerNames().size() == count);
		}
		catch (org.awaitility.core.ConditionTimeoutException ex) {
			screenshot("failed-waiting-for-" + count + "-callers");
			throw new AssertionError("console never showed " + count + " callers; it shows " + callerNames()
					+ "; the queue holds " + QuietQueue.snapshot(), ex);
		}
	}

	void awaitCaller(String name) {
		try {
			await().atMost(CallerPage.PATIENCE).until(() -> callerNames().contains(name));
		}
		catch (org.awaitility.core.ConditionTimeoutException ex) {
			screenshot("failed-waiting-for-" + name.replaceAll("[^A-Za-z0-9]", "_"));
			throw new AssertionError("console never showed " + name + "; it shows " + callerNames()
					+ "; the queue holds " + QuietQueue.snapshot(), ex);
		}
	}

	String badge(String name) {
		return fresh(() -> card(name).findElement(By.cssSelector(".badge")).getText());
	}

	void accept(String name) {
		press(name, "accept");
	}

	void hold(String name) {
		press(name, "hold");
	}

	void resume(String name) {
		press(name, "resume");
	}

	void end(String name) {
		press(name, "end");
	}

	void awaitBadge(String name, String badge) {
		await().atMost(CallerPage.PATIENCE).until(() -> callerNames().contains(name) && badge(name).equals(badge));
	}

	void awaitCallerVideo() {
		await().atMost(CallerPage.PATIENCE)
			.until(() -> number(
					"var v = document.querySelector('#caller-video video');" + "return v ? v.videoWidth : 0;") > 0);
	}

	/** Live audio tracks and video tracks of the caller's stream on this console. */
	String callerMedia() {
		return String.valueOf(this.browser.executeScript("var v = document.querySelector('#caller-video video');"
				+ "if (!v || !v.srcObject) return 'nothing';"
				+ "var live = v.srcObject.getAudioTracks().filter(function (t) { return t.readyState === 'live'; });"
				+ "return live.length + ' live audio, ' + v.srcObject.getVideoTracks().length + ' video';"));
	}

	/** The card's timer: "Waiting 1 min 3 s", "On call 2 min 5 s", "On hold 10 s". */
	String timer(String name) {
		return fresh(() -> card(name).findElement(By.cssSelector(".timer")).getText());
	}

	/** What the card says of the caller's media: "Video" or "Audio only". */
	String cardMedia(String name) {
		return fresh(() -> card(name).findElement(By.cssSelector(".media")).getText());
	}

	/** Puts keyboard focus on a card's button (accept, hold, resume, end). */
	void focusAction(String name, String action) {
		fresh(() -> this.browser.executeScript("arguments[0].focus();",
				card(name).findElement(By.cssSelector("button[data-action=" + action + "]"))));
	}

	/**
	 * The focused element as "callerName:action" (":id" outside the cards; empty if
	 * nothing is focused).
	 */
	String focusedAction() {
		return String.valueOf(this.browser.executeScript("var e = document.activeElement;"
				+ "if (!e || e === document.body) return '';" + "var card = e.closest('.card');"
				+ "var name = card ? card.querySelector('.name').textContent : '';"
				+ "return name + ':' + ((e.dataset && e.dataset.action) || e.id || e.tagName.toLowerCase());"));
	}

	/**
	 * Whether the caller list (or anything around it) is an aria-live region: its timers
	 * tick.
	 */
	boolean callersRegionIsLive() {
		return Boolean.TRUE
			.equals(this.browser.executeScript("return !!document.getElementById('callers').closest('[aria-live]');"));
	}

	/**
	 * The console's alert (a refused action, blocked camera, connection trouble), once it
	 * shows.
	 */
	String alert() {
		await().atMost(CallerPage.PATIENCE).until(() -> shows("console-error"));
		return text("console-error");
	}

	/**
	 * What the stage says: the line under it (who this console talks with, or what
	 * happened to the call), then the label on it when one shows ("Audio only — Ann has
	 * no video").
	 */
	String stageCaption() {
		String label = text("stage-label");
		return text("stage-caption") + (label.isEmpty() ? "" : " · " + label);
	}

	void awaitStageCaption(String contains) {
		try {
			await().atMost(CallerPage.PATIENCE).until(() -> stageCaption().contains(contains));
		}
		catch (org.awaitility.core.ConditionTimeoutException ex) {
			throw new AssertionError(
					"stage caption never said \"" + contains + "\"; it says \"" + stageCaption() + "\"", ex);
		}
	}

	/**
	 * Whether this console sends its own media: a camera or microphone track that is
	 * live.
	 */
	boolean publishing() {
		return Boolean.TRUE.equals(this.browser.executeScript(
				"return Array.prototype.some.call(document.querySelectorAll('#self-video video'), function (v) {"
						+ "  return !!v.srcObject && v.srcObject.getTracks().some(function (t) { return t.readyState === 'live'; });"
						+ "});"));
	}

	/**
	 * Whether this console's own microphone track is enabled and live (what the caller
	 * can hear).
	 */
	boolean microphoneLive() {
		return Boolean.TRUE.equals(this.browser.executeScript(
				"return Array.prototype.some.call(document.querySelectorAll('#self-video video'), function (v) {"
						+ "  return !!v.srcObject && v.srcObject.getAudioTracks().some(function (t) {"
						+ "    return t.enabled && t.readyState === 'live'; });" + "});"));
	}

	void awaitPublishing() {
		await().atMost(CallerPage.PATIENCE).until(this::publishing);
	}

	void awaitNotPublishing() {
		await().atMost(CallerPage.PATIENCE).until(() -> !publishing());
	}

	/**
	 * Presses "Take the call here", shown while this agent's call goes on in another
	 * console.
	 */
	void takeCallHere() {
		await().atMost(CallerPage.PATIENCE).until(() -> shows("take-here-button"));
		this.browser.findElement(By.id("take-here-button")).click();
	}

	/**
	 * The offline state's message (after signing out in another window), once it shows.
	 */
	String offlineMessage() {
		await().atMost(CallerPage.PATIENCE).until(() -> shows("offline"));
		return text("offline-message");
	}

	/**
	 * The banner about the call center itself (missing session-monitoring callbacks), or
	 * "" when hidden.
	 */
	String monitoringBanner() {
		return shows("monitoring-banner") ? text("monitoring-banner") : "";
	}

	/** Presses the offline state's "Go online". */
	void goOnline() {
		await().atMost(CallerPage.PATIENCE).until(() -> shows("go-online-button"));
		this.browser.findElement(By.id("go-online-button")).click();
	}

	void toggleMute() {
		this.browser.findElement(By.id("agent-mute-button")).click();
	}

	void toggleCamera() {
		this.browser.findElement(By.id("agent-camera-button")).click();
	}

	String title() {
		return this.browser.getTitle();
	}

	/**
	 * What the card shows of a caller's name: its text, and whether the name made any
	 * element.
	 */
	String nameMarkup(String name) {
		return fresh(() -> card(name).findElement(By.cssSelector(".name")).getAttribute("innerHTML"));
	}

	void signOut() {
		Chromium.problems(this.browser); // read now: the console's own record goes with
											// the page
		this.browser.findElement(By.id("exit-button")).click();
		await().atMost(CallerPage.PATIENCE).until(() -> this.browser.getCurrentUrl().contains("/login"));
	}

	void screenshot(String name) {
		Chromium.screenshot(this.browser, name);
	}

	private void press(String name, String action) {
		fresh(() -> {
			card(name).findElement(By.cssSelector("button[data-action=" + action + "]")).click();
			return true;
		});
	}

	/**
	 * A card goes when its caller does, so an element found a moment ago may be gone:
	 * look again, as a person would.
	 */
	private static <T> T fresh(java.util.function.Supplier<T> read) {
		for (int attempt = 1;; attempt++) {
			try {
				return read.get();
			}
			catch (org.openqa.selenium.StaleElementReferenceException ex) {
				if (attempt == 10) {
					throw ex;
				}
			}
		}
	}

	private WebElement card(String name) {
		return this.browser.findElements(By.cssSelector("#callers .card"))
			.stream()
			.filter((card) -> card.findElement(By.cssSelector(".name")).getText().equals(name))
			.findFirst()
			.orElseThrow(() -> new AssertionError("no caller card for " + name + " in " + callerNames()));
	}

	private boolean shows(String id) {
		return this.browser.findElements(By.id(id)).stream().anyMatch(WebElement::isDisplayed);
	}

	private String text(String id) {
		return this.browser.findElement(By.id(id)).getText();
	}

	private long number(String script) {
		Object value = this.browser.executeScript(script);
		return (value instanceof Number n) ? n.longValue() : 0;
	}

	/** Quits the browser, then fails if any page reported a problem. */
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
			throw new AssertionError("the agent console reported problems:\n  " + String.join("\n  ", problems));
		}
	}

}
