package org.callcenter.system;

import java.time.Duration;

import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;

import org.callcenter.testsupport.Chromium;

import static org.awaitility.Awaitility.await;

/** The caller's page, as a caller uses it. */
final class CallerPage implements AutoCloseable {

	static final Duration PATIENCE = Duration.ofSeconds(60);

	private final String gateway;

	/** Started when the caller dials, so a test does not run idle browsers while it sets up. */
	private ChromeDriver browser;

	CallerPage(String gateway) {
		this.gateway = gateway;
	}

	CallerPage dial(String name, String reason, boolean audioOnly) {
		this.browser = Chromium.start();
		this.browser.get(this.gateway + "/caller.html");
		this.browser.findElement(By.id("name")).sendKeys(name);
		this.browser.findElement(By.id("reason")).sendKeys(reason);
		this.browser.findElement(By.cssSelector("input[name=mode][value=" + (audioOnly ? "audioOnly" : "audioVideo") + "]"))
			.click();
		this.browser.findElement(By.id("dial-button")).click();
		await().atMost(PATIENCE).until(() -> shows("screen-waiting") || shows("screen-oncall"));
		return this;
	}

	String queuePosition() {
		await().atMost(PATIENCE).until(() -> shows("screen-waiting") && !text("queue-position").equals("–"));
		return text("queue-position");
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

	void leave() {
		this.browser.findElement(By.id("exit-button")).click();
	}

	void screenshot(String name) {
		Chromium.screenshot(this.browser, name);
	}

	private boolean shows(String id) {
		return this.browser.findElements(By.id(id)).stream().anyMatch(WebElement::isDisplayed);
	}

	private String text(String id) {
		return this.browser.findElement(By.id(id)).getText();
	}

	private long videoWidth(String selector) {
		Object width = this.browser
			.executeScript("var v = document.querySelector(arguments[0]); return v ? v.videoWidth : 0;", selector);
		return (width instanceof Number number) ? number.longValue() : 0;
	}

	@Override
	public void close() {
		if (this.browser != null) {
			this.browser.quit();
		}
	}

}
