package io.rapport.customer360.internal;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import io.rapport.activity.ActivityApi;
import io.rapport.activity.DailyUsage;
import io.rapport.activity.PersonDay;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The account page's usage over the last 13 weeks (91 days, today included), from the daily rollups only: distinct
 * active people per week, engagement time per week (the summed {@code durationSeconds} of "Session Ended") and
 * core-feature adoption (which of the features admins marked as core were used, on how many days). Two reads of
 * rollups bounded by the 91 days, whatever the account's age.
 */
@Component
class UsageCharts {

	static final int WEEKS = 13;

	static final String SESSION_ENDED = "Session Ended";

	private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("MM-dd");

	private final ActivityApi activity;

	private final MessageSource messages;

	UsageCharts(ActivityApi activity, MessageSource messages) {
		this.activity = activity;
		this.messages = messages;
	}

	/** One week's numbers: its first day, distinct active people, engagement in seconds. */
	record Week(LocalDate start, long people, long seconds) {

		public double hours() {
			return Math.round(seconds / 360.0) / 10.0;
		}
	}

	/** A core feature and how much it was used in the window: days with any use, and the count of uses. */
	record Feature(String name, int days, long count) {

		public boolean used() {
			return count > 0;
		}
	}

	record Usage(LocalDate from, LocalDate to, List<Week> weeks, Bars people, Bars engagement, List<Feature> features,
			long featuresUsed) {

		public boolean empty() {
			return weeks.stream().allMatch(w -> w.people() == 0 && w.seconds() == 0);
		}

		/** The days of the window, the most a feature can have been used on. */
		public int days() {
			return WEEKS * 7;
		}
	}

	Usage of(long accountId, LocalDate today, Locale locale) {
		LocalDate from = today.minusDays(WEEKS * 7L - 1);
		List<Week> weeks = weeks(accountId, from, today);
		Map<String, Set<LocalDate>> featureDays = new HashMap<>();
		Map<String, Long> featureCounts = new HashMap<>();
		Set<String> core = activity.coreFeatures();
		long[] seconds = new long[WEEKS];
		for (DailyUsage day : activity.usage(accountId, from, today, null)) {
			int week = (int) ((day.day().toEpochDay() - from.toEpochDay()) / 7);
			if (SESSION_ENDED.equals(day.event())) {
				seconds[week] += day.durationSeconds();
			}
			if (core.contains(day.event()) && day.count() > 0) {
				featureDays.computeIfAbsent(day.event(), e -> new HashSet<>()).add(day.day());
				featureCounts.merge(day.event(), day.count(), Long::sum);
			}
		}
		List<Week> withTime = new ArrayList<>();
		for (int i = 0; i < WEEKS; i++) {
			withTime.add(new Week(weeks.get(i).start(), weeks.get(i).people(), seconds[i]));
		}
		List<Feature> features = core.stream()
			.map(name -> new Feature(name, featureDays.getOrDefault(name, Set.of()).size(),
					featureCounts.getOrDefault(name, 0L)))
			.sorted(Comparator.comparing(Feature::count).reversed().thenComparing(Feature::name)).toList();
		return new Usage(from, today, withTime, peopleChart(withTime, locale), engagementChart(withTime, locale),
				features, features.stream().filter(Feature::used).count());
	}

	private List<Week> weeks(long accountId, LocalDate from, LocalDate today) {
		List<Set<String>> people = new ArrayList<>();
		for (int i = 0; i < WEEKS; i++) {
			people.add(new HashSet<>());
		}
		for (PersonDay day : activity.personDays(accountId, from, today)) {
			people.get((int) ((day.day().toEpochDay() - from.toEpochDay()) / 7)).add(day.person());
		}
		List<Week> weeks = new ArrayList<>();
		for (int i = 0; i < WEEKS; i++) {
			weeks.add(new Week(from.plusDays(7L * i), people.get(i).size(), 0));
		}
		return weeks;
	}

	private Bars peopleChart(List<Week> weeks, Locale locale) {
		List<String> titles = weeks.stream().map(w -> messages.getMessage("c360.usage.peopleTitle",
				new Object[] { w.start().toString(), w.people() }, locale)).toList();
		long max = weeks.stream().mapToLong(Week::people).max().orElse(0);
		return Bars.of(labels(weeks), weeks.stream().map(Week::people).toList(), titles, String.valueOf(max));
	}

	private Bars engagementChart(List<Week> weeks, Locale locale) {
		List<String> titles = weeks.stream().map(w -> messages.getMessage("c360.usage.hoursTitle",
				new Object[] { w.start().toString(), w.hours() }, locale)).toList();
		double max = weeks.stream().mapToDouble(Week::hours).max().orElse(0);
		return Bars.of(labels(weeks), weeks.stream().map(Week::hours).toList(), titles,
				messages.getMessage("c360.usage.hoursValue", new Object[] { max }, locale));
	}

	private static List<String> labels(List<Week> weeks) {
		return weeks.stream().map(w -> w.start().format(DAY)).toList();
	}
}
