package io.rapport.surveys;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A campaign as an admin states it. {@code audience} is {@code ALL} (every contact with an email), {@code ACCOUNTS}
 * (the contacts of {@code accountIds}) or {@code LIST} ({@code emails}, known contacts only); {@code schedule} is
 * {@code ONCE} (at {@code startsAt}) or {@code RECURRING} (from {@code startsAt}, every {@code everyDays} days).
 * {@code company} is what {@code {company}} in a question reads as. {@code questions} maps a language (en, zh, ro, ta, eo) to its question; a missing language takes the default.
 */
public record NpsCampaignDraft(String name, String company, String audience, List<Long> accountIds, List<String> emails,
		boolean byEmail, boolean byPortal, String schedule, Instant startsAt, Integer everyDays, boolean active,
		Map<String, String> questions) {

	public NpsCampaignDraft {
		accountIds = accountIds == null ? List.of() : List.copyOf(accountIds);
		emails = emails == null ? List.of() : List.copyOf(emails);
		questions = questions == null ? Map.of() : Map.copyOf(questions);
	}
}
