package org.callcenter.stats.instances;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.callcenter.stats.figures.CenterFigures;
import org.callcenter.stats.figures.StatsParts.AgentPart;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * What this instance's own stores hold, as sums another instance adds to its own: asked
 * only by other instances ({@link LocalOnly#HEADER}, with the signed identity they were
 * asked with). Without the header there is no such resource (404).
 */
@RestController
@RequestMapping(path = "/api/stats/parts", headers = LocalOnly.HEADER + "=true")
class PartsController {

	private final Instances instances;

	PartsController(Instances instances) {
		this.instances = instances;
	}

	@GetMapping("/center")
	CenterFigures center() {
		return this.instances.local().center();
	}

	/**
	 * The quarter hours from {@code from} to {@code to} (instants) this instance holds.
	 */
	@GetMapping("/quarters")
	List<QuarterAt> quarters(@RequestParam Instant from, @RequestParam Instant to) {
		return QuarterAt.list(this.instances.local().quarters(from, to));
	}

	@GetMapping("/agents")
	Map<String, AgentPart> agents() {
		return this.instances.local().agents();
	}

	/**
	 * The agents' quarter hours from {@code from} to {@code to} (instants) this instance
	 * holds.
	 */
	@GetMapping("/agent-quarters")
	List<AgentQuarterAt> agentQuarters(@RequestParam Instant from, @RequestParam Instant to) {
		return AgentQuarterAt.list(this.instances.local().agentQuarters(from, to));
	}

}
