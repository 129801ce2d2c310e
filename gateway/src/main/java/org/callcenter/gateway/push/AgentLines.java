package org.callcenter.gateway.push;

import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import reactor.core.publisher.Flux;

import org.callcenter.contracts.calls.CallEvent;
import org.callcenter.contracts.calls.CallEventType;
import org.callcenter.contracts.calls.CallState;

/**
 * A caller given to an agent (assigned or offered, not yet taken) waits behind that
 * agent's other callers ("2 callers ahead of you with your agent"). When the agent's
 * callers change (one is taken, ends, leaves the agent, or a new one is put ahead), each
 * page of the agent's other waiting callers on this instance gets a notice without
 * content, and reads its own call once: nothing about other callers reaches a page.
 *
 * <p>
 * Only calls whose page holds a stream open on this instance are followed, by the agent
 * they wait with: learned from the call's own events, or, until its first event, from the
 * read of the call made when its stream opened. The work per event is the agent's
 * followed callers, never every open page.
 */
final class AgentLines {

	/**
	 * Events that change which calls an agent has, or which of them it has taken; not
	 * chat, holds, connections or consults.
	 */
	private static final Set<CallEventType> CHANGES_LINE = EnumSet.of(CallEventType.QUEUED, CallEventType.ASSIGNED,
			CallEventType.OFFERED, CallEventType.ACCEPTED, CallEventType.ENDED);

	/** (EnumSets: a state or type the read or event lacks is in none.) */
	private static final Set<CallState> WAITING_WITH_AGENT = EnumSet.of(CallState.ASSIGNED, CallState.OFFERED);

	private final Followers<String> notices = new Followers<>();

	/** Followed calls by call id; guarded by this. */
	private final Map<String, Line> followed = new HashMap<>();

	/** Followed calls waiting with each agent, by agent id; guarded by this. */
	private final Map<String, Set<String>> waitingWith = new HashMap<>();

	/**
	 * The notices for the page of {@code callId}, while it follows them. {@code opened}
	 * must come first, so that events while the call is read are not missed.
	 */
	Flux<String> notices(String callId) {
		return this.notices.follow(callId);
	}

	/** A page of the call opened its stream: its call's events are followed from now. */
	synchronized void opened(String callId) {
		this.followed.computeIfAbsent(callId, (id) -> new Line()).pages++;
	}

	/** A page of the call closed its stream. */
	synchronized void closed(String callId) {
		Line line = this.followed.get(callId);
		if (line == null || --line.pages > 0) {
			return;
		}
		this.followed.remove(callId);
		leave(callId, line);
	}

	/**
	 * The call as read when its stream opened: where it waits, unless one of its events
	 * said so since (an event is newer than the read).
	 */
	synchronized void read(String callId, CallState state, String agentId) {
		Line line = this.followed.get(callId);
		if (line != null && !line.heard) {
			place(callId, line, WAITING_WITH_AGENT.contains(state) ? agentId : null);
		}
	}

	/** Every call event: follows the call, and tells the pages behind a changed line. */
	void on(CallEvent event) {
		Set<String> told = new LinkedHashSet<>();
		synchronized (this) {
			Line line = this.followed.get(event.callId());
			if (line != null) {
				line.heard = true;
				place(event.callId(), line, WAITING_WITH_AGENT.contains(event.state()) ? event.agentId() : null);
			}
			if (CHANGES_LINE.contains(event.type())) {
				behind(event.agentId(), event.callId(), told);
				if (!Objects.equals(event.previousAgentId(), event.agentId())) {
					behind(event.previousAgentId(), event.callId(), told);
				}
			}
		}
		told.forEach((callId) -> this.notices.deliver(callId, "{}"));
	}

	private void behind(String agentId, String changed, Set<String> told) {
		if (agentId == null) {
			return;
		}
		for (String callId : this.waitingWith.getOrDefault(agentId, Set.of())) {
			if (!callId.equals(changed)) {
				told.add(callId);
			}
		}
	}

	private void place(String callId, Line line, String agentId) {
		if (Objects.equals(line.agentId, agentId)) {
			return;
		}
		leave(callId, line);
		line.agentId = agentId;
		if (agentId != null) {
			this.waitingWith.computeIfAbsent(agentId, (id) -> new HashSet<>()).add(callId);
		}
	}

	private void leave(String callId, Line line) {
		if (line.agentId == null) {
			return;
		}
		Set<String> calls = this.waitingWith.get(line.agentId);
		if (calls != null) {
			calls.remove(callId);
			if (calls.isEmpty()) {
				this.waitingWith.remove(line.agentId);
			}
		}
		line.agentId = null;
	}

	/** One followed call. */
	private static final class Line {

		/** Its open streams on this instance. */
		int pages;

		/** The agent it waits with (assigned or offered), or null. */
		String agentId;

		/** Whether one of its events came since its stream opened. */
		boolean heard;

	}

}
