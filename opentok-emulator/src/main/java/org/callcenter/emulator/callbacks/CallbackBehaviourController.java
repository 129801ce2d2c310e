package org.callcenter.emulator.callbacks;

import jakarta.validation.Valid;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Switches the emulated project's callbacks at run time (an emulator-only API,
 * authenticated like OpenTok's project API with the project's JWT):
 * {@code {"mode":"OFF","delay":"PT0S"}}.
 */
@RestController
class CallbackBehaviourController {

	private static final Logger log = LoggerFactory.getLogger(CallbackBehaviourController.class);

	private final CallbackBehaviour behaviour;

	CallbackBehaviourController(CallbackBehaviour behaviour) {
		this.behaviour = behaviour;
	}

	@GetMapping("/emulator/callbacks")
	CallbackBehaviour.Setting current() {
		return this.behaviour.get();
	}

	@PutMapping("/emulator/callbacks")
	CallbackBehaviour.Setting change(@Valid @RequestBody CallbackBehaviour.Setting setting) {
		this.behaviour.set(setting);
		log.info("session-monitoring callbacks now {} (delay {})", setting.mode(), setting.delay());
		return setting;
	}

}
