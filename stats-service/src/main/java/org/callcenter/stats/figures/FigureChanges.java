package org.callcenter.stats.figures;

import java.time.Instant;

import org.apache.kafka.streams.kstream.KTable;

/**
 * Hears which figures changed, from the topology's tables as their changes leave the
 * stores' caches (so at most one change per key and commit interval, see
 * application.yml): what changed, never the new value, which the listener reads from the
 * stores as the REST API does.
 */
public interface FigureChanges {

	/** Hears nothing: the topology without anyone to tell (its unit tests). */
	FigureChanges NONE = new FigureChanges() {
		@Override
		public void centerChanged() {
		}

		@Override
		public void intervalChanged(Instant start) {
		}

		@Override
		public void agentChanged(String agentId) {
		}
	};

	/** The center's figures changed: waiting callers, or a call's outcome. */
	void centerChanged();

	/**
	 * The figures of the quarter hour from {@code start} changed (and with them today's).
	 */
	void intervalChanged(Instant start);

	/** An agent's state or totals changed. */
	void agentChanged(String agentId);

	/**
	 * Taps the tables: each change of a row is told to {@code listener}, on the stream
	 * thread, so the listener only takes note and does its work elsewhere.
	 */
	static void tap(KTable<String, CenterFigures> center, KTable<Long, Figures> intervals,
			KTable<String, AgentFigures> agentFigures, KTable<String, AgentStatus> agentStatus,
			FigureChanges listener) {
		center.toStream().foreach((key, figures) -> listener.centerChanged());
		intervals.toStream().foreach((start, figures) -> listener.intervalChanged(Instant.ofEpochMilli(start)));
		agentFigures.toStream().foreach((agentId, figures) -> listener.agentChanged(agentId));
		agentStatus.toStream().foreach((agentId, status) -> listener.agentChanged(agentId));
	}

}
