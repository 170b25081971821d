package io.rapport.surveys.csat;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

import io.rapport.shared.InvalidInputException;

import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * What an admin sets for CSAT: how long after a solve the survey is asked (an hour by default, so the customer has
 * read the answer and the ticket is not reopened at once), and the wording per language, defaulting to the bundle.
 */
@Component
class CsatSettings {

	static final List<String> LANGUAGES = List.of("en", "zh", "ro", "ta", "eo");

	static final int DEFAULT_DELAY_MINUTES = 60;

	/** At most a week: a survey asked later is about a contact the customer no longer remembers. */
	static final int MAX_DELAY_MINUTES = 7 * 24 * 60;

	static final int MAX_TEXT = 500;

	private final JdbcTemplate jdbc;

	private final MessageSource messages;

	private final Clock clock;

	CsatSettings(JdbcTemplate jdbc, MessageSource messages, Clock clock) {
		this.jdbc = jdbc;
		this.messages = messages;
		this.clock = clock;
	}

	/** The language a survey is asked in: the contact's when Rapport speaks it, else English. */
	static String language(Locale locale) {
		return locale != null && LANGUAGES.contains(locale.getLanguage()) ? locale.getLanguage() : "en";
	}

	int delayMinutes() {
		return jdbc.queryForList("select delay_minutes from csat_settings where id = 1", Integer.class).stream()
			.findFirst().orElse(DEFAULT_DELAY_MINUTES);
	}

	Duration delay() {
		return Duration.ofMinutes(delayMinutes());
	}

	@Transactional
	void saveDelay(Integer minutes) {
		if (minutes == null || minutes < 0 || minutes > MAX_DELAY_MINUTES) {
			throw InvalidInputException.of("delayMinutes", "errors.surveys.delay", MAX_DELAY_MINUTES);
		}
		jdbc.update("delete from csat_settings where id = 1");
		jdbc.update("insert into csat_settings (id, delay_minutes, updated_at) values (1, ?, ?)", minutes,
				CsatStore.at(clock.instant()));
	}

	/** The wording in force for a language: the admin's where set, else the bundle's. */
	Texts texts(String language) {
		String lang = LANGUAGES.contains(language) ? language : "en";
		Texts defaults = defaults(lang);
		return jdbc.query("select question, thanks, comment_prompt from csat_texts where language = ?",
				(rs, n) -> new Texts(or(rs.getString(1), defaults.question()), or(rs.getString(2), defaults.thanks()),
						or(rs.getString(3), defaults.commentPrompt()), true), lang)
			.stream().findFirst().orElse(defaults);
	}

	Texts defaults(String language) {
		Locale locale = Locale.forLanguageTag(language);
		return new Texts(messages.getMessage("surveys.csat.question", null, locale),
				messages.getMessage("surveys.csat.thanks", null, locale),
				messages.getMessage("surveys.csat.commentPrompt", null, locale), false);
	}

	@Transactional
	void saveTexts(String language, String question, String thanks, String commentPrompt) {
		if (!LANGUAGES.contains(language)) {
			throw InvalidInputException.of("language", "errors.surveys.language");
		}
		String q = text("question", question);
		String t = text("thanks", thanks);
		String c = text("commentPrompt", commentPrompt);
		jdbc.update("delete from csat_texts where language = ?", language);
		jdbc.update("insert into csat_texts (language, question, thanks, comment_prompt, updated_at) values (?, ?, ?, ?, ?)",
				language, q, t, c, CsatStore.at(clock.instant()));
	}

	@Transactional
	void resetTexts(String language) {
		jdbc.update("delete from csat_texts where language = ?", language);
	}

	/** A text field: blank means the default (stored as null); longer than {@link #MAX_TEXT} is refused. */
	private static String text(String field, String value) {
		String stripped = value == null ? "" : CsatComments.clean(value).strip();
		if (stripped.length() > MAX_TEXT) {
			throw InvalidInputException.of(field, "errors.surveys.text", MAX_TEXT);
		}
		return stripped.isEmpty() ? null : stripped;
	}

	private static String or(String value, String fallback) {
		return value == null || value.isBlank() ? fallback : value;
	}

	record Texts(String question, String thanks, String commentPrompt, boolean overridden) {
	}
}
