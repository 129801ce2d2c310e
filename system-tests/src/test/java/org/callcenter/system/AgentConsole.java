package org.callcenter.system;

import java.util.List;

import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;

import org.callcenter.testsupport.Chromium;

import static org.awaitility.Awaitility.await;

/** The agent console, as an agent uses it. */
final class AgentConsole implements AutoCloseable {

	private final ChromeDriver browser = Chromium.start();

	private final String gateway;

	AgentConsole(String gateway) {
		this.gateway = gateway;
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
		await().atMost(CallerPage.PATIENCE).until(() -> number("var v = document.querySelector('#caller-video video');"
				+ "return v ? v.videoWidth : 0;") > 0);
	}

	/** Live audio tracks and video tracks of the caller's stream on this console. */
	String callerMedia() {
		return String.valueOf(this.browser.executeScript("var v = document.querySelector('#caller-video video');"
				+ "if (!v || !v.srcObject) return 'nothing';"
				+ "var live = v.srcObject.getAudioTracks().filter(function (t) { return t.readyState === 'live'; });"
				+ "return live.length + ' live audio, ' + v.srcObject.getVideoTracks().length + ' video';"));
	}

	/** What the card shows of a caller's name: its text, and whether the name made any element. */
	String nameMarkup(String name) {
		return fresh(() -> card(name).findElement(By.cssSelector(".name")).getAttribute("innerHTML"));
	}

	void signOut() {
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
	 * The console redraws its list whenever it changes, so an element found a moment ago may be gone:
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

	private long number(String script) {
		Object value = this.browser.executeScript(script);
		return (value instanceof Number n) ? n.longValue() : 0;
	}

	@Override
	public void close() {
		this.browser.quit();
	}

}
