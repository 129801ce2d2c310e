package org.callcenter.system;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.Select;

import org.callcenter.testsupport.Chromium;

import static org.awaitility.Awaitility.await;

/**
 * The caller's page, as a caller uses it. Closing it fails the test if the page reported
 * an uncaught error, a console error or a missing asset ({@link Chromium#problems}).
 */
final class CallerPage implements AutoCloseable {

	static final Duration PATIENCE = Duration.ofSeconds(60);

	private final String gateway;

	/**
	 * Started when the caller opens the page, so a test does not run idle browsers while
	 * it sets up.
	 */
	private ChromeDriver browser;

	/**
	 * Simulated camera and microphone ({@link Chromium#simulateDevices}); null: the fake
	 * devices.
	 */
	private boolean[] devices;

	/** What the browser reported before it was closed. */
	private List<String> problems = List.of();

	CallerPage(String gateway) {
		this.gateway = gateway;
	}

	/**
	 * A missing or denied camera or microphone; before {@link #open} or {@link #dial}.
	 */
	CallerPage withDevices(boolean camera, boolean microphone) {
		if (this.browser != null) {
			throw new IllegalStateException("withDevices must come before open or dial");
		}
		this.devices = new boolean[] { camera, microphone };
		return this;
	}

	/**
	 * Opens the page counting, from the moment it loads, each read of the call
	 * ({@code GET /api/calls/{id}}) and each pushed notice by its type (instead of
	 * {@link #open}). See {@link #callReads} and {@link #notices}.
	 */
	CallerPage countingReads() {
		if (this.browser != null) {
			throw new IllegalStateException("countingReads must come before open or dial");
		}
		this.browser = Chromium.start();
		this.browser.executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source", """
				(function () {
				  window.__callReads = 0;
				  window.__notices = {};
				  var fetchFirst = window.fetch;
				  window.fetch = function (url, init) {
				    var method = (init && init.method) || 'GET';
				    if (method === 'GET' && /^\\/api\\/calls\\/[^\\/?]+$/.test(String(url))) window.__callReads++;
				    return fetchFirst.apply(this, arguments);
				  };
				  var listen = EventSource.prototype.addEventListener;
				  EventSource.prototype.addEventListener = function (type, listener, options) {
				    if (typeof listener !== 'function') return listen.call(this, type, listener, options);
				    return listen.call(this, type, function () {
				      window.__notices[type] = (window.__notices[type] || 0) + 1;
				      return listener.apply(this, arguments);
				    }, options);
				  };
				})();"""));
		return open();
	}

	/** How many times the page read its call since it loaded ({@link #countingReads}). */
	long callReads() {
		return ((Number) this.browser.executeScript("return window.__callReads;")).longValue();
	}

	/**
	 * How many pushed notices of this type the page has had since it loaded
	 * ({@link #countingReads}).
	 */
	long notices(String type) {
		Object count = this.browser.executeScript("return window.__notices[arguments[0]] || 0;", type);
		return ((Number) count).longValue();
	}

	/**
	 * Runs a script in the page, for checking the page's own scripts (the page's globals,
	 * such as {@code CallCenter}, are there).
	 */
	Object runScript(String script, Object... arguments) {
		return this.browser.executeScript(script, arguments);
	}

	/** Starts the browser and loads the page, without dialing: the form shows. */
	CallerPage open() {
		if (this.browser == null) {
			this.browser = Chromium.start();
			if (this.devices != null) {
				Chromium.simulateDevices(this.browser, this.devices[0], this.devices[1]);
			}
		}
		this.browser.get(this.gateway + "/caller.html");
		await().atMost(PATIENCE).until(() -> shows("dial-form") || showsACallScreen());
		return this;
	}

	/**
	 * Starts the browser and loads the page as a link with this query leads to it
	 * ({@code ?queue=support}), then waits until it has read the queues.
	 */
	CallerPage open(String query) {
		if (this.browser == null) {
			this.browser = Chromium.start();
			if (this.devices != null) {
				Chromium.simulateDevices(this.browser, this.devices[0], this.devices[1]);
			}
		}
		this.browser.get(this.gateway + "/caller.html" + query);
		await().atMost(PATIENCE).until(() -> shows("dial-form") && queuesRead());
		return this;
	}

	/**
	 * The queues the form offers to choose from, as shown ("Sales", "Billing (closed
	 * now)"), once read; empty when it offers no choice.
	 */
	List<String> queueChoices() {
		await().atMost(PATIENCE).until(this::queuesRead);
		if (!shows("queue-choice")) {
			return List.of();
		}
		return new Select(this.browser.findElement(By.id("queue-choice"))).getOptions()
			.stream()
			.map(WebElement::getText)
			.toList();
	}

	/** The queue chosen in the form, as shown. */
	String chosenQueue() {
		await().atMost(PATIENCE).until(this::queuesRead);
		return new Select(this.browser.findElement(By.id("queue-choice"))).getFirstSelectedOption().getText();
	}

	/** Chooses the queue with this display name in the form. */
	CallerPage chooseQueue(String displayName) {
		await().atMost(PATIENCE).until(() -> shows("queue-choice"));
		Select choice = new Select(this.browser.findElement(By.id("queue-choice")));
		choice.getOptions()
			.stream()
			.filter((option) -> option.getText().equals(displayName) || option.getText().startsWith(displayName + " ("))
			.findFirst()
			.orElseThrow(() -> new AssertionError("no queue " + displayName + " to choose"))
			.click();
		return this;
	}

	/**
	 * What the form says of the queue chosen when it takes no calls ("Billing is closed
	 * now. It opens …"); "" when it says nothing.
	 */
	String queueStatus() {
		return shows("queue-status") ? text("queue-status") : "";
	}

	/**
	 * What the form says of the queue the link named ("You are calling Support.", or that
	 * there is no such queue); "" when nothing.
	 */
	String linkedQueue() {
		return shows("queue-linked") ? text("queue-linked") : "";
	}

	/**
	 * Fills the form and presses Call once the device check let it, then waits until the
	 * call shows (waiting or on call) or the page says why it could not be placed
	 * ({@link #dialError}).
	 */
	CallerPage dial(String name, String reason, boolean audioOnly) {
		submit(name, reason, audioOnly);
		await().atMost(PATIENCE).until(() -> shows("screen-waiting") || shows("screen-oncall") || shows("dial-error"));
		return this;
	}

	/**
	 * Fills the form and presses Call once the device check let it, without waiting for
	 * the answer.
	 */
	void submit(String name, String reason, boolean audioOnly) {
		if (this.browser == null) {
			open();
		}
		try {
			await().atMost(PATIENCE).until(this::dialEnabled);
		}
		catch (org.awaitility.core.ConditionTimeoutException ex) {
			throw new AssertionError("Call never became possible; the page says: " + deviceStatus(), ex);
		}
		WebElement nameField = this.browser.findElement(By.id("name"));
		nameField.clear();
		nameField.sendKeys(name);
		WebElement reasonField = this.browser.findElement(By.id("reason"));
		reasonField.clear();
		reasonField.sendKeys(reason);
		WebElement mode = this.browser
			.findElement(By.cssSelector("input[name=mode][value=" + (audioOnly ? "audioOnly" : "audioVideo") + "]"));
		if (mode.isEnabled()) {
			mode.click();
		}
		this.browser.findElement(By.id("dial-button")).click();
	}

	/** The device status line under the camera preview, once the check is over. */
	String deviceStatus() {
		awaitDeviceCheck();
		return text("device-status");
	}

	boolean dialEnabled() {
		awaitDeviceCheck();
		return this.browser.findElement(By.id("dial-button")).isEnabled();
	}

	/** Whether "Camera and microphone" can be chosen. */
	boolean cameraChoiceEnabled() {
		awaitDeviceCheck();
		return this.browser.findElement(By.cssSelector("input[name=mode][value=audioVideo]")).isEnabled();
	}

	/** The alert under the form saying why the call could not be placed. */
	String dialError() {
		await().atMost(PATIENCE).until(() -> shows("dial-error"));
		return text("dial-error");
	}

	/**
	 * The browser's refresh button; then waits until the page shows where the call is (or
	 * the form).
	 */
	void reload() {
		Chromium.problems(this.browser); // read now: the page's own record goes with the
											// page
		this.browser.navigate().refresh();
		await().atMost(PATIENCE).until(() -> shows("dial-form") || showsACallScreen());
	}

	String queuePosition() {
		await().atMost(PATIENCE).until(() -> shows("screen-waiting") && !text("queue-position").equals("–"));
		return text("queue-position");
	}

	/**
	 * The expected wait the waiting screen shows ("about 4 minutes", "less than a
	 * minute"); "" when it shows none.
	 */
	String expectedWait() {
		return shows("wait-line") ? text("expected-wait") : "";
	}

	/**
	 * What the waiting screen says of the callers ahead with the agent the call was given
	 * to ("2 callers ahead of you with your agent"); "" when it says nothing.
	 */
	String aheadWithAgent() {
		return shows("ahead-line") ? text("ahead-line") : "";
	}

	/**
	 * Waits until the waiting screen shows this place (or, with {@code place} null, no
	 * place), callers ahead with the agent ("" for none) and expected wait ("" for none).
	 */
	void awaitWaiting(String place, String ahead, String expectedWait) {
		try {
			await().atMost(PATIENCE)
				.until(() -> shows("screen-waiting")
						&& (place == null ? !shows("position-line")
								: shows("position-line") && text("queue-position").equals(place))
						&& aheadWithAgent().equals(ahead) && expectedWait().equals(expectedWait));
		}
		catch (org.awaitility.core.ConditionTimeoutException ex) {
			screenshot("failed-waiting-for-expected-wait");
			throw new AssertionError("the caller's page never showed place " + place + ", \"" + ahead + "\", \""
					+ expectedWait + "\"; it says \"" + (shows("screen-waiting") ? text("screen-waiting") : "") + "\"",
					ex);
		}
	}

	/** All the waiting screen says, including whether an agent is online. */
	String waitingMessage() {
		await().atMost(PATIENCE).until(() -> shows("screen-waiting"));
		return text("screen-waiting");
	}

	/**
	 * The waiting screen's title: "You are in the queue", "You are being transferred to
	 * Bob", "You are back in line, keeping your place", ...; "" when it does not show.
	 */
	String waitingTitle() {
		return shows("screen-waiting") ? text("waiting-title") : "";
	}

	void awaitWaitingTitle(String title) {
		try {
			await().atMost(PATIENCE).until(() -> waitingTitle().equals(title));
		}
		catch (org.awaitility.core.ConditionTimeoutException ex) {
			screenshot("failed-waiting-for-title");
			throw new AssertionError(
					"the caller's page never said \"" + title + "\"; it says \"" + waitingTitle() + "\"", ex);
		}
	}

	/** What the page says about a transfer under the title; "" when it says nothing. */
	String transferStatus() {
		return shows("transfer-status") ? text("transfer-status") : "";
	}

	void awaitOnCallWithAgentVideo() {
		await().atMost(PATIENCE).until(() -> shows("screen-oncall") && videoWidth("#agent-video video") > 0);
	}

	void awaitOnHold() {
		await().atMost(PATIENCE).until(() -> shows("screen-onhold"));
	}

	String awaitEnded() {
		await().atMost(PATIENCE).until(() -> shows("screen-ended"));
		return text("end-message");
	}

	/** The call id the page keeps for a reload; null when it keeps none. */
	String callId() {
		return kept("callId");
	}

	/** The caller's credential the page keeps for a reload; null when it keeps none. */
	String callerToken() {
		return kept("callerToken");
	}

	void toggleMute() {
		this.browser.findElement(By.id("mute-button")).click();
	}

	void toggleCamera() {
		this.browser.findElement(By.id("camera-button")).click();
	}

	/**
	 * Whether the caller's own microphone track is enabled and live (what the agent can
	 * hear).
	 */
	boolean microphoneLive() {
		return Boolean.TRUE.equals(this.browser.executeScript("var v = document.querySelector('#self-video video');"
				+ "if (!v || !v.srcObject) return false;"
				+ "return v.srcObject.getAudioTracks().some(function (t) { return t.enabled && t.readyState === 'live'; });"));
	}

	/**
	 * How many videos of the agent the page shows (more than one: two agents' media
	 * overlap).
	 */
	int agentVideos() {
		Object count = this.browser.executeScript("return document.querySelectorAll('#agent-video video').length;");
		return (count instanceof Number number) ? number.intValue() : 0;
	}

	/**
	 * How many agents' videos play on the stage (two while a colleague joined the call).
	 */
	int playingAgentVideos() {
		Object count = this.browser.executeScript("return Array.prototype.filter.call("
				+ "document.querySelectorAll('#agent-video video'), function (v) {"
				+ " return v.videoWidth > 0 && !v.paused && v.readyState >= 2; }).length;");
		return (count instanceof Number number) ? number.intValue() : 0;
	}

	/**
	 * What the page says of a warm transfer ("Alice is asking Bob to join your call"); ""
	 * when nothing.
	 */
	String consultStatus() {
		return shows("consult-status") ? text("consult-status") : "";
	}

	void awaitConsultStatus(String status) {
		try {
			await().atMost(PATIENCE).until(() -> consultStatus().equals(status));
		}
		catch (org.awaitility.core.ConditionTimeoutException ex) {
			throw new AssertionError(
					"the caller page never said \"" + status + "\"; it says \"" + consultStatus() + "\"", ex);
		}
	}

	/**
	 * Whether the ticking "time waited" sits inside an aria-live region (it must not).
	 */
	boolean timerIsInLiveRegion() {
		return Boolean.TRUE.equals(
				this.browser.executeScript("return !!document.getElementById('time-waited').closest('[aria-live]');"));
	}

	/** The label on the stage (audio only, camera off, muted); empty when none shows. */
	String stageLabel() {
		return text("stage-label");
	}

	String title() {
		return this.browser.getTitle();
	}

	void leave() {
		this.browser.findElement(By.id("exit-button")).click();
	}

	/**
	 * Closes the tab without leaving, as a person closing it would; {@link #close}
	 * afterwards is fine.
	 */
	void closeTab() {
		if (this.browser != null) {
			try {
				this.problems = Chromium.problems(this.browser);
			}
			finally {
				this.browser.quit();
				this.browser = null;
			}
		}
	}

	// --- chat ------------------------------------------------------------------------

	/**
	 * Types a message in the chat and presses Enter, then waits until the page shows it
	 * (answered by the server, with its sender).
	 */
	void sendChat(String text) {
		await().atMost(PATIENCE).until(() -> shows("chat"));
		int before = chatMessages().size();
		WebElement input = this.browser.findElement(By.id("chat-input"));
		input.sendKeys(text);
		input.sendKeys(Keys.ENTER);
		await().atMost(PATIENCE)
			.until(() -> chatMessages().size() > before
					&& chatMessages().stream().anyMatch((message) -> message.endsWith(": " + text)));
	}

	/**
	 * The chat's messages as shown, oldest first, each "Name: text"; empty when the chat
	 * does not show.
	 */
	List<String> chatMessages() {
		return ChatPanel.messages(this.browser);
	}

	void awaitChatMessages(List<String> messages) {
		ChatPanel.awaitMessages(this.browser, messages, "the caller's page");
	}

	/** What the chat last announced to a screen reader (the agent's messages). */
	String chatAnnouncement() {
		return ChatPanel.announcement(this.browser);
	}

	boolean showsChat() {
		return shows("chat");
	}

	void screenshot(String name) {
		Chromium.screenshot(this.browser, name);
	}

	private void awaitDeviceCheck() {
		await().atMost(PATIENCE).until(() -> !text("device-status").startsWith("Checking"));
	}

	private boolean queuesRead() {
		return this.browser.findElements(By.cssSelector("#queue-choice option")).size() > 0;
	}

	private boolean showsACallScreen() {
		return shows("screen-waiting") || shows("screen-onhold") || shows("screen-oncall") || shows("screen-ended");
	}

	private boolean shows(String id) {
		return this.browser.findElements(By.id(id)).stream().anyMatch(WebElement::isDisplayed);
	}

	private String text(String id) {
		return this.browser.findElement(By.id(id)).getText();
	}

	private String kept(String field) {
		Object value = this.browser
			.executeScript("var kept = JSON.parse(sessionStorage.getItem('callcenter.call') || 'null');"
					+ "return kept ? kept[arguments[0]] : null;", field);
		return (value != null) ? value.toString() : null;
	}

	private long videoWidth(String selector) {
		Object width = this.browser
			.executeScript("var v = document.querySelector(arguments[0]); return v ? v.videoWidth : 0;", selector);
		return (width instanceof Number number) ? number.longValue() : 0;
	}

	/** Quits the browser, then fails if any page reported a problem. */
	@Override
	public void close() {
		closeTab();
		if (!this.problems.isEmpty()) {
			List<String> reported = this.problems;
			this.problems = List.of(); // reported once
			throw new AssertionError("the caller's page reported problems:\n  " + String.join("\n  ", reported));
		}
	}

}
