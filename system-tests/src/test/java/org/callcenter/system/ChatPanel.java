package org.callcenter.system;

import java.util.List;

import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;

import static org.awaitility.Awaitility.await;

/**
 * The chat panel the caller's page and the agent console share (same ids, js/chat.js):
 * what {@link CallerPage} and {@link AgentConsole} read of it.
 */
final class ChatPanel {

	private ChatPanel() {
	}

	/**
	 * The messages shown, oldest first, each "Name: text"; empty when the panel is
	 * hidden.
	 */
	static List<String> messages(ChromeDriver browser) {
		if (browser.findElements(By.id("chat")).stream().noneMatch(WebElement::isDisplayed)) {
			return List.of();
		}
		@SuppressWarnings("unchecked")
		List<String> shown = (List<String>) browser.executeScript("""
				return Array.prototype.map.call(document.querySelectorAll('#chat-log .chat-message'), function (li) {
				  return li.querySelector('.chat-name').textContent + ': ' + li.querySelector('.chat-text').textContent;
				});""");
		return shown;
	}

	static void awaitMessages(ChromeDriver browser, List<String> expected, String page) {
		try {
			await().atMost(CallerPage.PATIENCE).until(() -> messages(browser).equals(expected));
		}
		catch (org.awaitility.core.ConditionTimeoutException ex) {
			throw new AssertionError(page + " never showed the chat " + expected + "; it shows " + messages(browser),
					ex);
		}
	}

	static String announcement(ChromeDriver browser) {
		return browser.findElement(By.id("chat-announcer")).getAttribute("textContent");
	}

}
