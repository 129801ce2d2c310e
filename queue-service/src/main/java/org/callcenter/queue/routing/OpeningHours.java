package org.callcenter.queue.routing;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * When a queue takes calls: weekly windows in the queue's time zone, as written in its
 * settings ({@code MON-FRI 09:00-17:00}, {@code SAT 10:00-14:00},
 * {@code SUN 22:00-24:00}). No window at all means always open. A window's end is
 * exclusive; {@code 24:00} is the end of the day. Local times are read in the zone, so a
 * window keeps its wall-clock hours across daylight-saving changes (a window in the
 * skipped hour opens when the clock lands after it).
 *
 * @param zone the queue's time zone
 * @param windows the weekly windows, empty for always open
 */
public record OpeningHours(ZoneId zone, List<Window> windows) {

	private static final Pattern WINDOW = Pattern
		.compile("\\s*([A-Za-z]{3})(?:\\s*-\\s*([A-Za-z]{3}))?\\s+(\\d{2}:\\d{2})\\s*-\\s*(\\d{2}:\\d{2})\\s*");

	private static final List<String> DAYS = List.of("MON", "TUE", "WED", "THU", "FRI", "SAT", "SUN");

	/** How far ahead the next opening is looked for: a week holds every window. */
	private static final int DAYS_AHEAD = 8;

	public OpeningHours {
		windows = List.copyOf(windows);
	}

	/** Always open. */
	public static OpeningHours always(ZoneId zone) {
		return new OpeningHours(zone, List.of());
	}

	/**
	 * Reads windows as written in settings; throws {@link IllegalArgumentException}
	 * naming the one it cannot read.
	 */
	public static OpeningHours parse(ZoneId zone, List<String> written) {
		List<Window> windows = new ArrayList<>();
		for (String text : written) {
			windows.add(Window.parse(text));
		}
		return new OpeningHours(zone, windows);
	}

	public boolean alwaysOpen() {
		return this.windows.isEmpty();
	}

	public boolean isOpen(Instant at) {
		if (alwaysOpen()) {
			return true;
		}
		ZonedDateTime local = at.atZone(this.zone);
		LocalTime time = local.toLocalTime();
		return this.windows.stream().anyMatch((window) -> window.covers(local.getDayOfWeek(), time));
	}

	/**
	 * The first instant at or after {@code from} when the queue is open: {@code from}
	 * itself while open, empty when no window ever opens.
	 */
	public Optional<Instant> nextOpening(Instant from) {
		if (isOpen(from)) {
			return Optional.of(from);
		}
		LocalDate today = from.atZone(this.zone).toLocalDate();
		Instant best = null;
		for (int ahead = 0; ahead <= DAYS_AHEAD; ahead++) {
			LocalDate day = today.plusDays(ahead);
			for (Window window : this.windows) {
				if (window.days().contains(day.getDayOfWeek())) {
					Instant opens = day.atTime(window.from()).atZone(this.zone).toInstant();
					if (opens.isAfter(from) && (best == null || opens.isBefore(best))) {
						best = opens;
					}
				}
			}
			if (best != null) {
				return Optional.of(best);
			}
		}
		return Optional.empty();
	}

	/**
	 * One weekly window.
	 *
	 * @param days the days it opens on
	 * @param from opening time
	 * @param until closing time (exclusive); {@code null} for the end of the day (24:00)
	 */
	public record Window(Set<DayOfWeek> days, LocalTime from, LocalTime until) {

		static Window parse(String text) {
			Matcher matcher = WINDOW.matcher(text);
			if (!matcher.matches()) {
				throw new IllegalArgumentException(
						"Opening hours '" + text + "' should read like 'MON-FRI 09:00-17:00' or 'SAT 10:00-14:00'");
			}
			DayOfWeek first = day(matcher.group(1), text);
			DayOfWeek last = (matcher.group(2) != null) ? day(matcher.group(2), text) : first;
			Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
			for (DayOfWeek day = first;; day = day.plus(1)) {
				days.add(day);
				if (day == last) {
					break;
				}
			}
			LocalTime from = time(matcher.group(3), text);
			LocalTime until = "24:00".equals(matcher.group(4)) ? null : time(matcher.group(4), text);
			if (until != null && !until.isAfter(from)) {
				throw new IllegalArgumentException(
						"Opening hours '" + text + "' close before they open (a window past midnight is two windows)");
			}
			return new Window(Set.copyOf(days), from, until);
		}

		boolean covers(DayOfWeek day, LocalTime time) {
			return this.days.contains(day) && !time.isBefore(this.from)
					&& (this.until == null || time.isBefore(this.until));
		}

		private static DayOfWeek day(String name, String text) {
			int index = DAYS.indexOf(name.toUpperCase(Locale.ROOT));
			if (index < 0) {
				throw new IllegalArgumentException(
						"Opening hours '" + text + "': '" + name + "' is not one of " + DAYS);
			}
			return DayOfWeek.of(index + 1);
		}

		private static LocalTime time(String value, String text) {
			try {
				return LocalTime.parse(value);
			}
			catch (DateTimeParseException ex) {
				throw new IllegalArgumentException(
						"Opening hours '" + text + "': '" + value + "' is not a time of day");
			}
		}

	}

}
