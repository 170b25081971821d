package io.rapport.surveys.nps;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** A campaign as stored: who is asked, how, when; {@code nextRunAt} is null once a one-off campaign has run. */
public record Campaign(long id, String name, String company, Audience audience, List<Long> accountIds, List<String> emails, boolean byEmail,
		boolean byPortal, Schedule schedule, Instant startsAt, Integer everyDays, Instant nextRunAt, Instant lastRunAt,
		boolean active, long createdBy, Instant createdAt, long version, Map<String, String> questions) {

	static final List<String> LANGUAGES = List.of("en", "zh", "ro", "ta", "eo");

	public enum Audience {
		ALL, ACCOUNTS, LIST
	}

	public enum Schedule {
		ONCE, RECURRING
	}

	boolean dueAt(Instant at) {
		return active && nextRunAt != null && !nextRunAt.isAfter(at);
	}

	/**
	 * The run after the one due at {@code nextRunAt}, done at {@code ranAt}: null for a one-off; for a recurring
	 * campaign the first slot of its rhythm after {@code ranAt}, so a job that was down for weeks runs once, not
	 * once for each missed slot.
	 */
	Instant followingRun(Instant ranAt) {
		if (schedule == Schedule.ONCE) {
			return null;
		}
		Duration every = Duration.ofDays(everyDays);
		Instant next = nextRunAt.plus(every);
		while (!next.isAfter(ranAt)) {
			next = next.plus(every);
		}
		return next;
	}

	/** The question in a language, or in English when that language has none. */
	public String question(String language) {
		String text = questions.get(language);
		text = text == null || text.isBlank() ? questions.getOrDefault("en", "") : text;
		return text.replace("{company}", company);
	}
}
