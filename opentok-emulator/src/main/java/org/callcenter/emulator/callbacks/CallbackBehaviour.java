package org.callcenter.emulator.callbacks;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;

import jakarta.validation.constraints.NotNull;

import org.callcenter.emulator.system.EmulatorProperties;
import org.callcenter.emulator.system.EmulatorProperties.CallbackMode;

import org.springframework.stereotype.Component;

/**
 * How session-monitoring callbacks behave right now: as a well set-up project, or like
 * one whose callback URL is missing or wrong, whose callbacks are signed with another
 * secret, or late. Lets the suite be tried against the ways a real account goes wrong
 * without one.
 */
@Component
class CallbackBehaviour {

	private final AtomicReference<Setting> current;

	CallbackBehaviour(EmulatorProperties properties) {
		this.current = new AtomicReference<>(new Setting(properties.callbacks(), properties.callbackDelay()));
	}

	Setting get() {
		return this.current.get();
	}

	void set(Setting setting) {
		this.current.set(setting);
	}

	/**
	 * @param mode what happens to each callback
	 * @param delay how long each callback is held back first
	 */
	record Setting(@NotNull CallbackMode mode, @NotNull Duration delay) {

	}

}
