package io.rapport.channels.email.outbound;

import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;

/**
 * The words of every mail, per language: the bundle's {@code mail.template.<key>.subject|body} by default, or an
 * admin's wording from {@code mail_templates}. Placeholders are {@code {name}}; {@code {message}} is where a reply
 * puts the agent's text (HTML in the HTML part, so it is never escaped twice).
 */
@Component
class MailTemplates {

	static final List<String> KEYS = List.of("received", "reply", "solved", "agent.new-ticket", "agent.assigned",
			"agent.customer-replied", "portal.verify", "portal.reset", "portal.invitation", "survey.csat",
			"survey.nps", "sla.alert", "success.welcome", "success.checkin", "success.renewal");

	static final List<String> LANGUAGES = List.of("en", "zh", "ro", "ta", "eo");

	static final Set<String> PLACEHOLDERS = Set.of("ticketNumber", "subject", "requesterName", "agentName",
			"portalLink", "link", "name", "message", "question", "ratings", "scores", "company");

	private static final Pattern PLACEHOLDER = Pattern.compile("\\{([a-zA-Z]+)\\}");

	private final MessageSource messages;

	private final JdbcTemplate jdbc;

	private final Clock clock;

	MailTemplates(MessageSource messages, JdbcTemplate jdbc, Clock clock) {
		this.messages = messages;
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/** The language a mail is written in: the reader's when Rapport speaks it, else English. */
	static String language(Locale locale) {
		return locale != null && LANGUAGES.contains(locale.getLanguage()) ? locale.getLanguage() : "en";
	}

	/** The wording in force for a template and language: the admin's, else the default. */
	Wording wording(String key, String language) {
		return override(key, language).orElseGet(() -> defaultWording(key, language));
	}

	Wording defaultWording(String key, String language) {
		Locale locale = Locale.forLanguageTag(language);
		return new Wording(messages.getMessage("mail.template." + key + ".subject", null, locale),
				messages.getMessage("mail.template." + key + ".body", null, locale), false);
	}

	Optional<Wording> override(String key, String language) {
		return jdbc.query("select subject, body from mail_templates where template_key = ? and language = ?",
				(r, n) -> new Wording(r.getString(1), r.getString(2), true), key, language).stream().findFirst();
	}

	@org.springframework.transaction.annotation.Transactional
	void save(String key, String language, String subject, String body) {
		jdbc.update("delete from mail_templates where template_key = ? and language = ?", key, language);
		jdbc.update("insert into mail_templates (template_key, language, subject, body, updated_at) "
				+ "values (?, ?, ?, ?, ?)", key, language, subject, body, Outbox.at(clock.instant()));
	}

	void reset(String key, String language) {
		jdbc.update("delete from mail_templates where template_key = ? and language = ?", key, language);
	}

	/** The template filled in: a one-line subject, a text body and an HTML body. */
	Rendered render(String key, Locale locale, Map<String, String> values, String messageHtml) {
		Wording wording = wording(key, language(locale));
		String subject = HeaderText.clean(fill(wording.subject(), values, false));
		String text = fill(wording.body(), values, false);
		String html = fill(HtmlUtils.htmlEscape(wording.body()), values, true).replace("\n", "<br>\n");
		if (messageHtml != null) {
			html = html.replace("{message}", messageHtml);
		}
		return new Rendered(subject, text, html);
	}

	/** The placeholders a wording uses that Rapport does not know: an admin's typo, refused on save. */
	static List<String> unknownPlaceholders(String text) {
		return PLACEHOLDER.matcher(text).results().map(m -> m.group(1)).filter(p -> !PLACEHOLDERS.contains(p))
			.distinct().toList();
	}

	private static String fill(String template, Map<String, String> values, boolean escape) {
		Matcher m = PLACEHOLDER.matcher(template);
		StringBuilder out = new StringBuilder();
		while (m.find()) {
			String name = m.group(1);
			String value = values.get(name);
			if (value == null || (escape && "message".equals(name))) {
				m.appendReplacement(out, Matcher.quoteReplacement(m.group()));
			}
			else {
				m.appendReplacement(out, Matcher.quoteReplacement(escape ? HtmlUtils.htmlEscape(value) : value));
			}
		}
		m.appendTail(out);
		return out.toString();
	}

	record Wording(String subject, String body, boolean overridden) {
	}

	record Rendered(String subject, String text, String html) {
	}
}
