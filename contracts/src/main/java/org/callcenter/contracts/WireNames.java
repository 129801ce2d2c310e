package org.callcenter.contracts;

import java.util.Arrays;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Finds the constant of an enum by the name it has on the wire and in Redis (its
 * {@code @JsonValue}), for the reasons that keep the names they always had
 * ({@code "agentLoggedOut"}) rather than their Java names.
 *
 * @param <E> the enum
 */
public final class WireNames<E extends Enum<E>> {

	private final Map<String, E> byWireName;

	private final String what;

	private WireNames(Map<String, E> byWireName, String what) {
		this.byWireName = byWireName;
		this.what = what;
	}

	/**
	 * The look-up of {@code constants} by {@code wireName}; {@code what} names the enum
	 * in the error for an unknown name ({@code "call event reason"}).
	 */
	public static <E extends Enum<E>> WireNames<E> of(E[] constants, Function<E, String> wireName, String what) {
		return new WireNames<>(
				Arrays.stream(constants).collect(Collectors.toUnmodifiableMap(wireName, Function.identity())), what);
	}

	/**
	 * The constant named {@code wireName}; null for none (null or empty).
	 * @throws IllegalArgumentException for a name no constant has
	 */
	public E find(String wireName) {
		if (wireName == null || wireName.isEmpty()) {
			return null;
		}
		E constant = this.byWireName.get(wireName);
		if (constant == null) {
			throw new IllegalArgumentException("No " + this.what + " '" + wireName + "'");
		}
		return constant;
	}

}
