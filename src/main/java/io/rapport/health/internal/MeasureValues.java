package io.rapport.health.internal;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

import io.rapport.activity.UsageTotals;

/**
 * A measure's value for an account, or null when there is no data for it (left out of the score, never counted as
 * zero). Zero is data when the account uses the product but not this part of it: no help article read by people
 * who sign in every day is the seed's "no use of the knowledge base".
 */
final class MeasureValues {

	static final String SESSION_ENDED = "Session Ended";

	static final String SIGNED_IN = "Signed In";

	static final String PASSWORD_RESET = "Password Reset Requested";

	static final String ARTICLE_VIEWED = "Help Article Viewed";

	static final String HELP_SEARCHED = "Help Center Searched";

	static final String TICKET_REOPENED = "Ticket Reopened";

	private MeasureValues() {
	}

	static Double value(Measure measure, AccountInputs in) {
		int w = measure.windowDays();
		UsageTotals now = in.current(w);
		boolean usage = in.hasUsage(w);
		return switch (measure.source()) {
			case ENGAGEMENT_PER_USER -> in.hasEvent(w, SESSION_ENDED) ? engagementPerUser(now) : null;
			case ENGAGEMENT_TREND -> trend(engagementPerUser(now), engagementPerUser(in.previous(w)));
			case ACTIVE_USERS_VS_SEATS -> usage && in.seats() > 0 ? 100.0 * users(now) / in.seats() : null;
			case SIGN_INS_PER_USER -> in.hasEvent(w, SIGNED_IN) ? perUser(count(now, SIGNED_IN), now) : null;
			case PASSWORD_RESETS_PER_USER -> usage ? perUser(count(now, PASSWORD_RESET), now) : null;
			case KNOWLEDGE_BASE_PER_USER -> usage
					? perUser(count(now, ARTICLE_VIEWED) + count(now, HELP_SEARCHED), now) : null;
			case UNRESOLVED_AFTER_7_DAYS -> (double) in.unsolvedAfter7Days();
			case REOPENED_TICKETS -> (double) count(now, TICKET_REOPENED);
			case ESCALATED_TICKETS -> (double) in.escalated();
			case CSAT -> csat(in, w);
			case NPS -> nps(in, w);
			case VALUE_EVENTS -> usage && !in.valueEvents().isEmpty() ? (double) sum(now, in.valueEvents()) : null;
			case CORE_FEATURE_ADOPTION -> usage && !in.coreFeatures().isEmpty() ? adoption(now, in.coreFeatures())
					: null;
		};
	}

	static double engagementPerUser(UsageTotals usage) {
		if (usage == null || usage.activeUsers() == 0) {
			return 0;
		}
		return usage.of(SESSION_ENDED).durationSeconds() / 3600.0 / usage.activeUsers();
	}

	static long users(UsageTotals usage) {
		return usage == null ? 0 : usage.activeUsers();
	}

	static long count(UsageTotals usage, String event) {
		return usage == null ? 0 : usage.of(event).count();
	}

	private static double perUser(long count, UsageTotals usage) {
		return (double) count / Math.max(1, users(usage));
	}

	private static Double trend(double now, double before) {
		return before <= 0 ? null : 100.0 * (now - before) / before;
	}

	private static long sum(UsageTotals usage, Set<String> events) {
		return events.stream().mapToLong(event -> count(usage, event)).sum();
	}

	private static double adoption(UsageTotals usage, Set<String> features) {
		long used = features.stream().filter(f -> count(usage, f) > 0).count();
		return 100.0 * used / features.size();
	}

	private static Double csat(AccountInputs in, int window) {
		LocalDate first = in.day().minusDays(window - 1L);
		long total = 0;
		long satisfied = 0;
		for (AccountInputs.Csat answer : in.csat()) {
			if (within(answer.at(), first, in.day())) {
				total++;
				satisfied += answer.rating() >= 4 ? 1 : 0;
			}
		}
		return total == 0 ? null : 100.0 * satisfied / total;
	}

	/** Bad ratings (1 or 2) in the last {@code window} days, for the help-did-not-help flag. */
	static long badRatings(AccountInputs in, int window) {
		LocalDate first = in.day().minusDays(window - 1L);
		return in.csat().stream().filter(a -> within(a.at(), first, in.day()) && a.rating() <= 2).count();
	}

	private static Double nps(AccountInputs in, int window) {
		LocalDate first = in.day().minusDays(window - 1L);
		Map<Long, AccountInputs.Nps> latest = new HashMap<>();
		for (AccountInputs.Nps answer : in.nps()) {
			if (within(answer.at(), first, in.day())) {
				latest.merge(answer.contactId(), answer, (a, b) -> a.at().isAfter(b.at()) ? a : b);
			}
		}
		if (latest.isEmpty()) {
			return null;
		}
		long promoters = latest.values().stream().filter(a -> a.score() >= 9).count();
		long detractors = latest.values().stream().filter(a -> a.score() <= 6).count();
		return 100.0 * (promoters - detractors) / latest.size();
	}

	private static boolean within(java.time.Instant at, LocalDate first, LocalDate last) {
		LocalDate day = LocalDate.ofInstant(at, ZoneOffset.UTC);
		return !day.isBefore(first) && !day.isAfter(last);
	}
}
