package org.callcenter.gateway.push;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import reactor.core.publisher.Flux;
import reactor.core.publisher.FluxSink;

/**
 * The open streams that follow each key (a call's pages by call id, an agent's consoles
 * by agent id), so that an item reaches the streams of its key alone: the cost of an
 * event does not grow with the number of streams open for others.
 */
final class Followers<T> {

	private final Map<String, Set<FluxSink<T>>> streams = new ConcurrentHashMap<>();

	/** The items for {@code key}, from now until the subscriber cancels. */
	Flux<T> follow(String key) {
		return Flux.create((FluxSink<T> stream) -> {
			// added and removed inside compute, so a set emptied by a stream that closed
			// is
			// never the one a stream that opens adds itself to
			this.streams.compute(key, (id, open) -> {
				Set<FluxSink<T>> all = (open != null) ? open : ConcurrentHashMap.newKeySet();
				all.add(stream);
				return all;
			});
			stream.onDispose(() -> this.streams.computeIfPresent(key, (id, open) -> {
				open.remove(stream);
				return open.isEmpty() ? null : open;
			}));
		}, FluxSink.OverflowStrategy.BUFFER);
	}

	void deliver(String key, T item) {
		if (key == null) {
			return;
		}
		Set<FluxSink<T>> open = this.streams.get(key);
		if (open != null) {
			open.forEach((stream) -> stream.next(item));
		}
	}

}
