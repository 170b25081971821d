package io.rapport.customer360.internal;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The groups the timeline can be filtered to, each named by the first word of the kinds it holds ({@code ticket}
 * holds {@code ticket.created}, {@code ticket.solved}, ...). A module that adds a source with a new first word is
 * shown under "everything" until a group names it here.
 */
final class TimelineKinds {

	enum Kind {

		TICKETS("ticket"), SURVEYS("csat", "nps"), SUCCESS("stage", "subscription", "note"), USAGE("usage"),
		TASKS("task"), HEALTH("health");

		private final List<String> prefixes;

		Kind(String... prefixes) {
			this.prefixes = List.of(prefixes);
		}

		boolean matches(String kind) {
			int dot = kind == null ? -1 : kind.indexOf('.');
			return kind != null && prefixes.contains(dot < 0 ? kind : kind.substring(0, dot));
		}

		/** The value of the filter's field and the end of its bundle key. */
		String key() {
			return name().toLowerCase(java.util.Locale.ROOT);
		}

		/** The CSS class of an entry's marker: the group it belongs to. */
		static String of(String kind) {
			return Arrays.stream(values()).filter(k -> k.matches(kind)).findFirst().map(Kind::key).orElse("other");
		}
	}

	private TimelineKinds() {
	}

	static Optional<Kind> parse(String value) {
		if (value == null || value.isBlank()) {
			return Optional.empty();
		}
		return Arrays.stream(Kind.values()).filter(k -> k.key().equals(value.strip())).findFirst();
	}
}
