package org.callcenter.system;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.Select;

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

	/**
	 * The card's talk and hold time of a call taken: "Talk 2 min 5 s", "Talk 2 min 5 s ·
	 * Hold 10 s"; "" when the card shows none.
	 */
	String callTimes(String name) {
		return fresh(() -> card(name).findElement(By.cssSelector(".call-times")).getText());
	}

	/** The talk time the card shows, in seconds; -1 when it shows none. */
	long talkSeconds(String name) {
		return seconds(callTimes(name), "Talk");
	}

	/** The hold time the card shows, in seconds; -1 when it shows none. */
	long holdSeconds(String name) {
		return seconds(callTimes(name), "Hold");
	}

	private static long seconds(String times, String label) {
		Matcher shown = Pattern.compile(label + " (?:(\\d+) min )?(\\d+) s").matcher(times);
		if (!shown.find()) {
			return -1;
		}
		long minutes = (shown.group(1) != null) ? Long.parseLong(shown.group(1)) : 0;
		return minutes * 60 + Long.parseLong(shown.group(2));
	}

	/** What the card says of the caller's media: "Video" or "Audio only". */
	String cardMedia(String name) {
		return fresh(() -> card(name).findElement(By.cssSelector(".media")).getText());
	}

	/**
	 * The queue the card says its caller came through ("Support"); "" when it names none
	 * (one queue).
	 */
	String cardQueue(String name) {
		return fresh(() -> {
			WebElement part = card(name).findElement(By.cssSelector(".queue-part"));
			return part.isDisplayed() ? part.findElement(By.cssSelector(".queue-name")).getText() : "";
		});
	}

	/**
	 * What the stage says of the queue of the call on it ("Queue: Support"); "" for none.
	 */
	String stageQueue() {
		return shows("stage-queue") ? text("stage-queue") : "";
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

	/**
	 * What the header says of the agent's state: "Available", "Away · Lunch", "Wrap-up",
	 * "Offline".
	 */
	String state() {
		return text("state-badge");
	}

	/** What the status bar says the agent is doing, beside its state. */
	String activity() {
		return text("state-activity");
	}

	/**
	 * The calls the agent answered, as its own figures in the status bar say; -1 while
	 * they are not shown.
	 */
	long callsAnswered() {
		if (!shows("my-figures")) {
			return -1;
		}
		String figures = text("my-figures");
		Matcher count = Pattern.compile("^You answered (\\d+) calls?").matcher(figures);
		return count.find() ? Long.parseLong(count.group(1)) : (figures.startsWith("No calls answered") ? 0 : -1);
	}

	/** The agent's own figures as the status bar shows them. */
	String myFigures() {
		return text("my-figures");
	}

	void awaitState(String state) {
		try {
			await().atMost(CallerPage.PATIENCE).until(() -> state().equals(state));
		}
		catch (org.awaitility.core.ConditionTimeoutException ex) {
			screenshot("failed-waiting-for-state-" + state.replaceAll("[^A-Za-z0-9]", "_"));
			throw new AssertionError("console never showed state " + state + "; it shows " + state(), ex);
		}
	}

	/** The time in the current state, as the header shows it: "for 1 min 3 s". */
	String stateTimer() {
		return text("state-timer");
	}

	/**
	 * Chooses Away with {@code reason} (a configured id such as {@code lunch}) in the
	 * state selector and sets it; the header then says so.
	 */
	void goAway(String reason) {
		goAway(reason, false);
	}

	/**
	 * As {@link #goAway(String)}, giving back the callers not yet accepted if
	 * {@code handBack}.
	 */
	void goAway(String reason, boolean handBack) {
		new Select(this.browser.findElement(By.id("state-select"))).selectByValue("AWAY");
		await().atMost(CallerPage.PATIENCE).until(() -> shows("away-reason"));
		Select reasons = new Select(this.browser.findElement(By.id("away-reason")));
		await().atMost(CallerPage.PATIENCE)
			.until(() -> reasons.getOptions().stream().anyMatch((o) -> reason.equals(o.getAttribute("value"))));
		reasons.selectByValue(reason);
		WebElement handBackBox = this.browser.findElement(By.id("hand-back"));
		if (handBackBox.isSelected() != handBack) {
			handBackBox.click();
		}
		this.browser.findElement(By.id("state-button")).click();
		awaitState("Away · " + Character.toUpperCase(reason.charAt(0)) + reason.substring(1).replace('-', ' '));
	}

	/** Chooses Available in the state selector and sets it. */
	void goAvailable() {
		new Select(this.browser.findElement(By.id("state-select"))).selectByValue("AVAILABLE");
		this.browser.findElement(By.id("state-button")).click();
		awaitState("Available");
	}

	/**
	 * The seconds the wrap-up panel counts down to the end of wrap-up, once it shows one.
	 */
	long wrapUpCountdown() {
		await().atMost(CallerPage.PATIENCE).until(() -> shows("wrap-up-countdown"));
		String seconds = this.browser.findElement(By.id("wrap-up-countdown")).getAttribute("data-seconds");
		return (seconds == null || seconds.isEmpty()) ? -1 : Long.parseLong(seconds);
	}

	/** What the wrap-up panel's countdown says ("Ready for new callers in 3 s"). */
	String wrapUpCountdownText() {
		return text("wrap-up-countdown");
	}

	/** Whether the panel for an ended call's outcome and notes shows. */
	boolean showsWrapUpPanel() {
		return shows("wrap-up");
	}

	/**
	 * The panel's line about the call it records ("Call with Mia: record how it went.").
	 */
	String wrapUpCall() {
		return text("wrap-up-call");
	}

	/**
	 * Records the outcome (a configured id such as {@code resolved}) and notes of the
	 * call that just ended, and waits until the console says they are saved.
	 */
	void saveNotes(String outcome, String notes) {
		await().atMost(CallerPage.PATIENCE).until(() -> shows("wrap-up-save-button"));
		Select outcomes = new Select(this.browser.findElement(By.id("wrap-up-outcome")));
		await().atMost(CallerPage.PATIENCE)
			.until(() -> outcomes.getOptions().stream().anyMatch((o) -> outcome.equals(o.getAttribute("value"))));
		outcomes.selectByValue(outcome);
		WebElement box = this.browser.findElement(By.id("wrap-up-notes"));
		box.clear();
		box.sendKeys(notes);
		this.browser.findElement(By.id("wrap-up-save-button")).click();
		await().atMost(CallerPage.PATIENCE)
			.until(() -> shows("wrap-up-saved") || !shows("wrap-up") || shows("console-error"));
		if (shows("console-error")) {
			throw new AssertionError("saving the notes was refused: " + text("console-error"));
		}
	}

	/** Presses the wrap-up panel's "Ready": available for new callers at once. */
	void ready() {
		await().atMost(CallerPage.PATIENCE).until(() -> shows("ready-button"));
		this.browser.findElement(By.id("ready-button")).click();
		awaitState("Available");
	}

	/**
	 * Waits until the caller {@code name} rings here: its card offers Accept and Decline.
	 */
	void awaitOffer(String name) {
		try {
			await().atMost(CallerPage.PATIENCE).until(() -> callerNames().contains(name) && ringing(name));
		}
		catch (org.awaitility.core.ConditionTimeoutException ex) {
			screenshot("failed-waiting-for-offer-" + name.replaceAll("[^A-Za-z0-9]", "_"));
			throw new AssertionError("console never rang with " + name + "; it shows " + callerNames()
					+ "; the queue holds " + QuietQueue.snapshot(), ex);
		}
	}

	/** Whether the card of {@code name} rings (an offer to accept or decline). */
	boolean ringing(String name) {
		return fresh(() -> card(name).getAttribute("class").contains("ringing")
				&& card(name).findElement(By.cssSelector("button[data-action=decline]")).isDisplayed());
	}

	/**
	 * Whether the console rings: the tone repeats and the title flashes while any offer
	 * is not answered.
	 */
	boolean ringing() {
		return "true".equals(this.browser.findElement(By.id("callers")).getAttribute("data-ringing"));
	}

	/** How many times the console has played its ring tone since it was loaded. */
	long rings() {
		return number("return Number(document.getElementById('callers').dataset.rings || 0);");
	}

	void acceptOffer(String name) {
		press(name, "accept");
	}

	void declineOffer(String name) {
		press(name, "decline");
	}

	/**
	 * The seconds left to answer the offer of {@code name}, as its card counts them down.
	 */
	long offerCountdown(String name) {
		String seconds = fresh(
				() -> card(name).findElement(By.cssSelector(".offer-countdown")).getAttribute("data-seconds"));
		return (seconds == null || seconds.isEmpty()) ? -1 : Long.parseLong(seconds);
	}

	/** What the card of {@code name} says of its offer: "Answer within 5 s". */
	String offerCountdownText(String name) {
		return fresh(() -> card(name).findElement(By.cssSelector(".offer-countdown")).getText());
	}

	/** Waits until the caller {@code name} is gone from this console. */
	void awaitNoCaller(String name) {
		await().atMost(CallerPage.PATIENCE).until(() -> !callerNames().contains(name));
	}

	/**
	 * What the console last said of an offer that stopped ringing ("The offer of Ann
	 * timed out."), once it says something containing {@code contains}.
	 */
	String awaitOfferNews(String contains) {
		try {
			await().atMost(CallerPage.PATIENCE)
				.until(() -> shows("offer-news") && text("offer-news").contains(contains));
		}
		catch (org.awaitility.core.ConditionTimeoutException ex) {
			throw new AssertionError("the console never said \"" + contains + "\" of an offer; it says \""
					+ (shows("offer-news") ? text("offer-news") : "") + "\"", ex);
		}
		return text("offer-news");
	}

	/**
	 * The message shown after the agent was made away for missing offers, once it shows.
	 */
	String missedOffersMessage() {
		await().atMost(CallerPage.PATIENCE).until(() -> shows("missed-offers"));
		return text("missed-offers-message");
	}

	boolean showsMissedOffersMessage() {
		return shows("missed-offers");
	}

	/** Reloads the console, as an agent pressing F5 would, and waits until it is back. */
	void reload() {
		Chromium.problems(this.browser); // read now: the page's own record goes with it
		this.browser.navigate().refresh();
		await().atMost(CallerPage.PATIENCE)
			.until(() -> !"…".equals(state()) && (shows("no-callers") || !callerNames().isEmpty()));
	}

	void signOut() {
		Chromium.problems(this.browser); // read now: the console's own record goes with
											// the page
		this.browser.findElement(By.id("exit-button")).click();
		await().atMost(CallerPage.PATIENCE).until(() -> this.browser.getCurrentUrl().contains("/login"));
	}

	// --- chat ------------------------------------------------------------------------

	/**
	 * Types a message in the chat and presses Send, then waits until the console shows it
	 * (answered by the server, with its sender).
	 */
	void sendChat(String text) {
		await().atMost(CallerPage.PATIENCE).until(() -> shows("chat"));
		int before = chatMessages().size();
		WebElement input = this.browser.findElement(By.id("chat-input"));
		input.sendKeys(text);
		this.browser.findElement(By.id("chat-send")).click();
		await().atMost(CallerPage.PATIENCE)
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
		ChatPanel.awaitMessages(this.browser, messages, "the agent console");
	}

	/** What the chat last announced to a screen reader (the caller's messages). */
	String chatAnnouncement() {
		return ChatPanel.announcement(this.browser);
	}

	boolean showsChat() {
		return shows("chat");
	}

	/**
	 * What of the call in progress the agent would have to scroll to see, of: the
	 * caller's video, the Mute button, the caller card's Hold and End buttons, the chat
	 * panel (with its box and Send button); empty when all of it shows in the window as
	 * it is (no scrolling).
	 */
	List<String> callPartsOutOfView() {
		@SuppressWarnings("unchecked")
		List<String> out = (List<String>) this.browser.executeScript("""
				var parts = {
				  'video': '.stage', 'mute': '#agent-mute-button', 'hold': '.card.active [data-action=hold]',
				  'end': '.card.active [data-action=end]', 'chat': '#chat', 'send': '#chat-send'
				};
				return Object.keys(parts).filter(function (name) {
				  var element = document.querySelector(parts[name]);
				  if (!element) return true;
				  var r = element.getBoundingClientRect();
				  return r.height === 0 || r.top < 0 || r.left < 0
				    || r.bottom > window.innerHeight || r.right > window.innerWidth;
				});""");
		return out;
	}

	/** The inner size of the console's window, "1280x900". */
	String windowSize() {
		return String.valueOf(this.browser.executeScript("return window.innerWidth + 'x' + window.innerHeight;"));
	}

	void screenshot(String name) {
		Chromium.screenshot(this.browser, name);
	}

	// --- transfers ---------------------------------------------------------------------

	/**
	 * Presses "Transfer" on the caller's card and waits for the dialog to list the
	 * colleagues online (or say there are none).
	 */
	void openTransfer(String callerName) {
		fresh(() -> {
			card(callerName).findElement(By.cssSelector("button[data-transfer]")).click();
			return true;
		});
		await().atMost(CallerPage.PATIENCE).until(() -> shows("transfer-dialog"));
		await().atMost(CallerPage.PATIENCE)
			.until(() -> !this.browser.findElements(By.cssSelector("#colleagues li")).isEmpty()
					|| text("colleagues-status").startsWith("No other agent"));
	}

	/**
	 * The colleagues the open dialog lists: "Bob Available · 0 callers", "Carol Away ·
	 * Lunch · cannot take a call now".
	 */
	List<String> colleagues() {
		return fresh(() -> this.browser.findElements(By.cssSelector("#colleagues li .who"))
			.stream()
			.map(WebElement::getText)
			.toList());
	}

	/** Whether the open dialog's "Transfer to <name>" can be pressed. */
	boolean canTransferTo(String agentName) {
		return fresh(() -> transferButton(agentName).isEnabled());
	}

	/** Awaits the open dialog listing the colleague as able, or not, to take the call. */
	void awaitCanTransferTo(String agentName, boolean can) {
		await().atMost(CallerPage.PATIENCE)
			.until(() -> this.browser.findElements(By.cssSelector("#colleagues button[data-name]"))
				.stream()
				.anyMatch((b) -> agentName.equals(b.getAttribute("data-name")) && b.isEnabled() == can));
	}

	/**
	 * Transfers the caller to a colleague with a note (cold transfer): opens the dialog,
	 * writes the note, presses "Transfer to <name>" once it can be pressed, and waits for
	 * the dialog to close.
	 */
	void transfer(String callerName, String toAgentName, String note) {
		openTransfer(callerName);
		writeTransferNote(note);
		awaitCanTransferTo(toAgentName, true);
		transferButton(toAgentName).click();
		awaitTransferDone();
	}

	/** Transfers the caller back to the queue, where it keeps its place. */
	void transferToQueue(String callerName) {
		openTransfer(callerName);
		this.browser.findElement(By.id("transfer-queue-button")).click();
		awaitTransferDone();
	}

	/**
	 * Presses "Transfer to <name>" in the open dialog even while the list shows the
	 * colleague unable to take the call, as in a console whose list was read just before
	 * the colleague went away; answers what the dialog then says.
	 */
	String transferAsIfTheListWereStale(String toAgentName) {
		WebElement button = transferButton(toAgentName);
		this.browser.executeScript("arguments[0].disabled = false; arguments[0].click();", button);
		await().atMost(CallerPage.PATIENCE).until(() -> !transferError().isEmpty() || !shows("transfer-dialog"));
		return transferError();
	}

	void writeTransferNote(String note) {
		WebElement box = this.browser.findElement(By.id("transfer-note"));
		box.clear();
		if (note != null) {
			box.sendKeys(note);
		}
	}

	/** What the open dialog says went wrong, or "" when nothing did. */
	String transferError() {
		return shows("transfer-error") ? text("transfer-error") : "";
	}

	boolean showsTransferDialog() {
		return shows("transfer-dialog");
	}

	/** Presses Escape, as a keyboard user closing the dialog. */
	void pressEscape() {
		new Actions(this.browser).sendKeys(Keys.ESCAPE).perform();
	}

	/** "Transferred by Alice" on a card transferred to this agent; "" when not. */
	String transferredBy(String callerName) {
		return fresh(() -> {
			WebElement line = card(callerName).findElement(By.cssSelector(".transferred-by .by"));
			return line.isDisplayed() ? line.getText() : "";
		});
	}

	void awaitTransferredBy(String callerName, String text) {
		await().atMost(CallerPage.PATIENCE)
			.until(() -> callerNames().contains(callerName) && transferredBy(callerName).equals(text));
	}

	/** The note the transferring agent wrote, as the card shows it (in quotes). */
	String transferNote(String callerName) {
		return fresh(() -> card(callerName).findElement(By.cssSelector(".transfer-note")).getText());
	}

	// --- warm transfers (consults) ----------------------------------------------------

	/**
	 * Asks a colleague to join the call (warm transfer): opens the transfer dialog,
	 * writes the note, presses "Consult <name>" once it can be pressed, and waits for the
	 * dialog to close.
	 */
	void consult(String callerName, String colleagueName, String note) {
		openTransfer(callerName);
		writeTransferNote(note);
		await().atMost(CallerPage.PATIENCE).until(() -> consultButton(colleagueName).isEnabled());
		consultButton(colleagueName).click();
		awaitTransferDone();
	}

	/**
	 * "Waiting for Bob to join", "Bob joined", "Bob declined to join" on the card; ""
	 * when none.
	 */
	String consultStatus(String callerName) {
		return fresh(() -> {
			WebElement line = card(callerName).findElement(By.cssSelector(".consult-line"));
			return line.isDisplayed() ? line.findElement(By.cssSelector(".consult-status")).getText() : "";
		});
	}

	void awaitConsultStatus(String callerName, String status) {
		try {
			await().atMost(CallerPage.PATIENCE)
				.until(() -> callerNames().contains(callerName) && consultStatus(callerName).equals(status));
		}
		catch (org.awaitility.core.ConditionTimeoutException ex) {
			throw new AssertionError(
					"the card of " + callerName + " never said \"" + status + "\"; it says \""
							+ (callerNames().contains(callerName) ? consultStatus(callerName) : "(no card)") + "\"",
					ex);
		}
	}

	void cancelConsult(String callerName) {
		fresh(() -> {
			card(callerName).findElement(By.cssSelector("button[data-consult-cancel]")).click();
			return true;
		});
	}

	/**
	 * The request of a colleague to join a call ("Alice asks you to join …"); "" when
	 * none.
	 */
	String consultRequest() {
		return shows("consult-request") ? text("consult-ask") : "";
	}

	void awaitConsultRequest(String request) {
		try {
			await().atMost(CallerPage.PATIENCE).until(() -> consultRequest().equals(request));
		}
		catch (org.awaitility.core.ConditionTimeoutException ex) {
			throw new AssertionError(
					"the console never asked \"" + request + "\"; it shows \"" + consultRequest() + "\"", ex);
		}
	}

	void awaitNoConsultRequest() {
		await().atMost(CallerPage.PATIENCE).until(() -> !shows("consult-request"));
	}

	/** The note of the request, in quotes; "" when none. */
	String consultNote() {
		return shows("consult-note") ? text("consult-note") : "";
	}

	void joinConsult() {
		this.browser.findElement(By.id("consult-join-button")).click();
		await().atMost(CallerPage.PATIENCE).until(() -> shows("consult-take-over-button"));
	}

	void declineConsult() {
		this.browser.findElement(By.id("consult-decline-button")).click();
	}

	void takeOver() {
		await().atMost(CallerPage.PATIENCE)
			.until(() -> this.browser.findElement(By.id("consult-take-over-button")).isEnabled());
		this.browser.findElement(By.id("consult-take-over-button")).click();
	}

	/** Awaits the colleague's video in the small tile on the stage, playing. */
	void awaitColleagueVideo() {
		await().atMost(CallerPage.PATIENCE)
			.until(() -> shows("colleague-video") && number(
					"var v = document.querySelector('#colleague-video video');" + "return v ? v.videoWidth : 0;") > 0);
	}

	/** The name on the colleague's tile; "" when no colleague shows. */
	String colleagueLabel() {
		return shows("colleague-video") ? text("colleague-label") : "";
	}

	boolean showsColleagueVideo() {
		return !this.browser.findElements(By.cssSelector("#colleague-video video")).isEmpty();
	}

	private WebElement consultButton(String agentName) {
		return this.browser.findElements(By.cssSelector("#colleagues button[data-consult]"))
			.stream()
			.filter((b) -> agentName.equals(b.getAttribute("data-consult-name")))
			.findFirst()
			.orElseThrow(() -> new AssertionError("the transfer dialog lists no " + agentName + ": " + colleagues()));
	}

	/** Whether this console is connected to any call's video session (OpenTok). */
	boolean showsCallerVideo() {
		return !this.browser.findElements(By.cssSelector("#caller-video video")).isEmpty();
	}

	private void awaitTransferDone() {
		await().atMost(CallerPage.PATIENCE).until(() -> !shows("transfer-dialog") || !transferError().isEmpty());
		if (!transferError().isEmpty()) {
			throw new AssertionError("the transfer was refused: " + transferError());
		}
	}

	private WebElement transferButton(String agentName) {
		return this.browser.findElements(By.cssSelector("#colleagues button[data-name]"))
			.stream()
			.filter((b) -> agentName.equals(b.getAttribute("data-name")))
			.findFirst()
			.orElseThrow(() -> new AssertionError("the transfer dialog lists no " + agentName + ": " + colleagues()));
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
