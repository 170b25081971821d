package io.rapport.analytics.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.rapport.accounts.AccountStart;
import io.rapport.accounts.AccountsApi;
import io.rapport.accounts.LifecycleStage;
import io.rapport.activity.ActivityApi;
import io.rapport.shared.InvalidInputException;

import org.springframework.stereotype.Component;

/**
 * Time to value: days from an account's start (its signup, or its first subscription's start) to the first day it
 * did a value event, per monthly cohort of starts in the company's time zone. Two grouped queries: the first value
 * days from the activity module's first day of each event per account, the accounts' starts from the accounts module.
 */
@Component
class TtvMetric {

	/** Where the clock starts: the signup (account created, or its first subscription if that came earlier). */
	enum Start {
		SIGNUP, SUBSCRIPTION;

		String param() {
			return name().toLowerCase(Locale.ROOT);
		}
	}

	/** The distribution's buckets, in days; the last is open. Accounts without a value event are "notYet". */
	static final List<String> BUCKETS = List.of("0-1", "2-7", "8-14", "15-30", "31-60", ">60");

	static final String NOT_YET = "notYet";

	private static final int[] UPPER = { 1, 7, 14, 30, 60, Integer.MAX_VALUE };

	record Query(YearMonth from, YearMonth to, Start start, Long owner, LifecycleStage stage) {
	}

	private final AccountsApi accounts;

	private final ActivityApi activity;

	private final RevenueMetrics metrics;

	TtvMetric(AccountsApi accounts, ActivityApi activity, RevenueMetrics metrics) {
		this.accounts = accounts;
		this.activity = activity;
		this.metrics = metrics;
	}

	/** Months as the other metrics read them (default the twelve up to this one), {@code start} signup by default. */
	Query parse(String from, String to, String start, String owner, String stage) {
		MetricsQuery months = MetricsQuery.parse(from, to, null, null, owner, null, stage, metrics.thisMonth());
		Start s;
		try {
			s = start == null || start.isBlank() ? Start.SIGNUP : Start.valueOf(start.strip().toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException e) {
			throw InvalidInputException.of("start", "errors.metrics.start", start);
		}
		return new Query(months.from(), months.to(), s, months.owner(), months.stage());
	}

	Map<String, Object> ttv(Query q) {
		ZoneId zone = metrics.settings().zone();
		Map<Long, LocalDate> firstValue = activity.firstValueDays();
		Map<YearMonth, List<Integer>> days = new LinkedHashMap<>();
		Map<YearMonth, int[]> notYet = new LinkedHashMap<>();
		for (YearMonth m = q.from(); !m.isAfter(q.to()); m = m.plusMonths(1)) {
			days.put(m, new ArrayList<>());
			notYet.put(m, new int[1]);
		}
		for (AccountStart account : accounts.accountStarts(q.stage(), q.owner())) {
			Instant started = start(account, q.start());
			if (started == null) {
				continue;
			}
			LocalDate startDay = started.atZone(zone).toLocalDate();
			YearMonth cohort = YearMonth.from(startDay);
			if (!days.containsKey(cohort)) {
				continue;
			}
			LocalDate value = firstValue.get(account.accountId());
			if (value == null) {
				notYet.get(cohort)[0]++;
			}
			else {
				days.get(cohort).add((int) Math.max(0, ChronoUnit.DAYS.between(startDay, value)));
			}
		}
		List<Map<String, Object>> cohorts = new ArrayList<>();
		List<Integer> all = new ArrayList<>();
		int allNotYet = 0;
		for (YearMonth m : days.keySet()) {
			cohorts.add(figures("month", m.toString(), days.get(m), notYet.get(m)[0]));
			all.addAll(days.get(m));
			allNotYet += notYet.get(m)[0];
		}
		Map<String, Object> total = figures(null, null, all, allNotYet);
		Map<String, Object> answer = new LinkedHashMap<>();
		answer.put("metric", "ttv");
		answer.put("from", q.from().toString());
		answer.put("to", q.to().toString());
		answer.put("start", q.start().param());
		answer.put("owner", q.owner());
		answer.put("stage", q.stage() == null ? null : q.stage().name().toLowerCase(Locale.ROOT));
		answer.put("timeZone", zone.getId());
		answer.put("valueEvents", activity.valueEvents().stream().sorted().toList());
		answer.putAll(total);
		answer.put("p75Days", total.get("medianDays") == null ? null : percentile(all, 75));
		answer.put("tooLittleData", total.get("medianDays") == null ? List.of("medianDays", "p75Days") : List.of());
		answer.put("cohorts", cohorts);
		return answer;
	}

	/** Signup is the earlier of creation and the first subscription (an account imported after it started paying). */
	private static Instant start(AccountStart account, Start start) {
		Instant firstSubscription = account.firstSubscriptionAt();
		if (start == Start.SUBSCRIPTION) {
			return firstSubscription;
		}
		Instant created = account.createdAt();
		if (created == null || (firstSubscription != null && firstSubscription.isBefore(created))) {
			return firstSubscription;
		}
		return created;
	}

	/** Accounts, reached, not yet, the median (too little data under 5 reached) and the distribution. */
	private static Map<String, Object> figures(String key, String label, List<Integer> days, int notYet) {
		List<Integer> sorted = days.stream().sorted().toList();
		Map<String, Object> m = new LinkedHashMap<>();
		if (key != null) {
			m.put(key, label);
		}
		m.put("accounts", sorted.size() + notYet);
		m.put("reached", sorted.size());
		m.put("notYet", notYet);
		m.put("medianDays", sorted.size() < RevenueMetrics.MIN_ACCOUNTS ? null : median(sorted));
		List<Map<String, Object>> distribution = new ArrayList<>();
		int[] counts = new int[BUCKETS.size()];
		for (int d : sorted) {
			int b = 0;
			while (d > UPPER[b]) {
				b++;
			}
			counts[b]++;
		}
		for (int b = 0; b < BUCKETS.size(); b++) {
			distribution.add(Map.of("bucket", BUCKETS.get(b), "count", counts[b]));
		}
		distribution.add(Map.of("bucket", NOT_YET, "count", notYet));
		m.put("distribution", distribution);
		return m;
	}

	/** The middle value, or the mean of the two middle values of an even count. */
	static Double median(List<Integer> sorted) {
		int n = sorted.size();
		if (n == 0) {
			return null;
		}
		if (n % 2 == 1) {
			return (double) sorted.get(n / 2);
		}
		return (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2.0;
	}

	/** Nearest rank: the smallest value with at least {@code p} % of the values at or below it. */
	static Integer percentile(List<Integer> values, int p) {
		List<Integer> sorted = values.stream().sorted().toList();
		if (sorted.isEmpty()) {
			return null;
		}
		int rank = (int) Math.ceil(p / 100.0 * sorted.size());
		return sorted.get(Math.max(1, rank) - 1);
	}
}
