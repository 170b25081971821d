package io.rapport.surveys.nps;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.rapport.accounts.AccountsApi;
import io.rapport.shared.InvalidInputException;
import io.rapport.surveys.NpsCampaignDraft;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/** Checks a campaign as an admin stated it and turns it into what is stored; each error names its field. */
@Component
class CampaignRules {

	static final int MAX_EVERY_DAYS = 3650;

	private final AccountsApi accounts;

	private final MessageSource messages;

	CampaignRules(AccountsApi accounts, MessageSource messages) {
		this.accounts = accounts;
		this.messages = messages;
	}

	/** The default question in each language, with {@code {company}} where the company's name goes. */
	Map<String, String> defaultQuestions() {
		Map<String, String> questions = new LinkedHashMap<>();
		Campaign.LANGUAGES.forEach(language -> questions.put(language,
				messages.getMessage("nps.question.default", null, Locale.forLanguageTag(language))));
		return questions;
	}

	Campaign campaign(long id, NpsCampaignDraft d, long createdBy, Instant createdAt, long version) {
		String name = required("name", d.name(), 200);
		String company = required("company", d.company(), 120);
		Campaign.Audience audience = parse(Campaign.Audience.class, "audience", d.audience());
		List<Long> accountIds = audience == Campaign.Audience.ACCOUNTS ? d.accountIds() : List.of();
		if (audience == Campaign.Audience.ACCOUNTS) {
			if (accountIds.isEmpty()) {
				throw InvalidInputException.of("accountIds", "errors.nps.accounts");
			}
			accountIds.forEach(accountId -> accounts.account(accountId)
				.orElseThrow(() -> InvalidInputException.of("accountIds", "errors.account.not-found", accountId)));
		}
		List<String> emails = audience == Campaign.Audience.LIST ? emails(d.emails()) : List.of();
		if (!d.byEmail() && !d.byPortal()) {
			throw InvalidInputException.of("channels", "errors.nps.channels");
		}
		Campaign.Schedule schedule = parse(Campaign.Schedule.class, "schedule", d.schedule());
		if (d.startsAt() == null) {
			throw InvalidInputException.of("startsAt", "errors.nps.startsAt");
		}
		Integer every = null;
		if (schedule == Campaign.Schedule.RECURRING) {
			if (d.everyDays() == null || d.everyDays() < 1 || d.everyDays() > MAX_EVERY_DAYS) {
				throw InvalidInputException.of("everyDays", "errors.nps.everyDays", MAX_EVERY_DAYS);
			}
			every = d.everyDays();
		}
		Map<String, String> questions = new LinkedHashMap<>();
		d.questions().forEach((language, text) -> {
			if (!Campaign.LANGUAGES.contains(language)) {
				throw InvalidInputException.of("questions", "errors.nps.language", language);
			}
			if (text != null && text.strip().length() > 500) {
				throw InvalidInputException.of("questions." + language, "errors.nps.tooLong", 500);
			}
			if (text != null && !text.isBlank()) {
				questions.put(language, text.strip());
			}
		});
		defaultQuestions().forEach(questions::putIfAbsent);
		Instant startsAt = d.startsAt().truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
		return new Campaign(id, name, company, audience, accountIds, emails, d.byEmail(), d.byPortal(), schedule,
				startsAt, every, startsAt, null, d.active(), createdBy, createdAt, version, questions);
	}

	private static List<String> emails(List<String> given) {
		List<String> emails = given.stream().map(e -> e == null ? "" : e.strip().toLowerCase(Locale.ROOT))
			.filter(e -> !e.isEmpty()).distinct().toList();
		if (emails.isEmpty()) {
			throw InvalidInputException.of("emails", "errors.nps.emails");
		}
		for (String email : emails) {
			if (!email.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+") || email.length() > 254) {
				throw InvalidInputException.of("emails", "errors.nps.email", email);
			}
		}
		if (emails.size() > 5000) {
			throw InvalidInputException.of("emails", "errors.nps.tooMany", 5000);
		}
		return emails;
	}

	private static String required(String field, String value, int max) {
		if (value == null || value.isBlank()) {
			throw InvalidInputException.of(field, "errors.nps.required");
		}
		if (value.strip().length() > max) {
			throw InvalidInputException.of(field, "errors.nps.tooLong", max);
		}
		return value.strip();
	}

	private static <E extends Enum<E>> E parse(Class<E> type, String field, String value) {
		try {
			return Enum.valueOf(type, value == null ? "" : value.strip().toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException e) {
			throw InvalidInputException.of(field, "errors.nps.choice");
		}
	}
}
