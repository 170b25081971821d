package io.rapport.health.internal;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import io.rapport.activity.UsageTotals;

/**
 * The churn-risk flags of issue 9 from an account's inputs and score, each with its evidence in numbers: the
 * seed's four signals (little engagement, many password resets, no knowledge-base use, help that did not help),
 * active users falling against seats, and a renewal close at hand with a red or falling score. Thresholds are
 * {@link HealthSettings}. Pure: the same inputs raise the same flags.
 */
final class FlagRules {

	static final List<String> KEYS = List.of("little-engagement", "password-resets", "no-knowledge-base",
			"help-did-not-help", "falling-active-users", "renewal-at-risk");

	/** A flag that is up: its key and the evidence as a bundle key with its arguments. */
	record Flag(String key, String evidenceKey, List<String> args) {
	}

	private FlagRules() {
	}

	/**
	 * The flags up for the account. {@code scoreBefore} is the score at the start of the flag window (thirty days
	 * before the day, nearest earlier snapshot), null when there was none; {@code at} the moment the day is read.
	 */
	static List<Flag> flags(AccountInputs in, Integer score, String band, Integer scoreBefore, Instant at,
			HealthSettings settings) {
		int w = InputLoader.FLAG_WINDOW;
		UsageTotals now = in.current(w);
		UsageTotals before = in.previous(w);
		List<Flag> flags = new ArrayList<>();
		if (in.hasEvent(w, MeasureValues.SESSION_ENDED)) {
			double hoursNow = MeasureValues.engagementPerUser(now);
			double hoursBefore = MeasureValues.engagementPerUser(before);
			double drop = hoursBefore > 0 ? 100 * (hoursBefore - hoursNow) / hoursBefore : 0;
			if (hoursBefore > 0 && drop >= setting(settings, "little-engagement.drop-percent")) {
				flags.add(flag("little-engagement", "health.evidence.engagement-down", whole(drop), tenth(hoursBefore),
						tenth(hoursNow)));
			}
			else if (hoursNow < setting(settings, "little-engagement.min-hours")) {
				flags.add(flag("little-engagement", "health.evidence.engagement-low", tenth(hoursNow),
						tenth(setting(settings, "little-engagement.min-hours"))));
			}
		}
		long users = MeasureValues.users(now);
		long resets = MeasureValues.count(now, MeasureValues.PASSWORD_RESET);
		if (resets > 0 && resets >= setting(settings, "password-resets.min-count")
				&& (double) resets / Math.max(1, users) >= setting(settings, "password-resets.per-user")) {
			flags.add(flag("password-resets", "health.evidence.password-resets", resets, users));
		}
		long helpCentre = MeasureValues.count(now, MeasureValues.ARTICLE_VIEWED)
				+ MeasureValues.count(now, MeasureValues.HELP_SEARCHED);
		if (users > 0 && helpCentre <= setting(settings, "no-knowledge-base.max-uses")) {
			flags.add(flag("no-knowledge-base", "health.evidence.no-knowledge-base", helpCentre, users));
		}
		long reopened = MeasureValues.count(now, MeasureValues.TICKET_REOPENED);
		long bad = MeasureValues.badRatings(in, w);
		if (reached(in.unsolvedAfter7Days(), settings, "help-did-not-help.unresolved")
				|| reached(reopened, settings, "help-did-not-help.reopened")
				|| reached(bad, settings, "help-did-not-help.bad-ratings")) {
			flags.add(flag("help-did-not-help", "health.evidence.help-did-not-help", in.unsolvedAfter7Days(), reopened,
					bad));
		}
		if (in.seats() > 0 && in.hasUsage(w)) {
			long usersBefore = MeasureValues.users(before);
			double shareNow = 100.0 * users / in.seats();
			double shareBefore = 100.0 * usersBefore / in.seats();
			if (before != null && shareBefore - shareNow >= setting(settings, "falling-active-users.drop-points")) {
				flags.add(flag("falling-active-users", "health.evidence.active-users-down", usersBefore, users,
						in.seats(), whole(shareBefore), whole(shareNow)));
			}
			else if (shareNow < setting(settings, "falling-active-users.min-percent")) {
				flags.add(flag("falling-active-users", "health.evidence.active-users-low", users, in.seats(),
						whole(shareNow)));
			}
		}
		if (in.renewsAt() != null && score != null) {
			long days = Math.max(0, Duration.between(at, in.renewsAt()).toDays());
			String on = LocalDate.ofInstant(in.renewsAt(), ZoneOffset.UTC).toString();
			if (days <= setting(settings, "renewal-at-risk.days")) {
				if (HealthSettings.RED.equals(band)) {
					flags.add(flag("renewal-at-risk", "health.evidence.renewal-red", days, on, score));
				}
				else if (scoreBefore != null
						&& scoreBefore - score >= setting(settings, "renewal-at-risk.fall-points")) {
					flags.add(flag("renewal-at-risk", "health.evidence.renewal-falling", days, on, scoreBefore - score,
							scoreBefore, score));
				}
			}
		}
		return flags;
	}

	private static boolean reached(long count, HealthSettings settings, String key) {
		double threshold = setting(settings, key);
		return threshold > 0 && count >= threshold;
	}

	private static double setting(HealthSettings settings, String key) {
		return settings.get(key);
	}

	private static Flag flag(String key, String evidenceKey, Object... args) {
		List<String> text = new ArrayList<>();
		for (Object arg : args) {
			text.add(String.valueOf(arg));
		}
		return new Flag(key, evidenceKey, List.copyOf(text));
	}

	static String whole(double value) {
		return Long.toString(Math.round(value));
	}

	static String tenth(double value) {
		return String.format(Locale.ROOT, "%.1f", value);
	}
}
