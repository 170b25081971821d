package io.rapport.health.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import io.rapport.accounts.AccountsApi;
import io.rapport.shared.InvalidInputException;
import io.rapport.shared.NotFoundException;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * An account's health as the API and the account page show it: the newest snapshot, the trend against the snapshot
 * at the start of the chosen window (the nearest earlier one), every measure with its value then and now, the open
 * flags with their evidence, and the churn model's estimate when a model is in use. An account never scored is
 * scored for today on first read.
 */
@Component
public class HealthReport {

	static final Set<Integer> WINDOWS = Set.of(7, 30, 90);

	private final Snapshots snapshots;

	private final HealthFlags flags;

	private final Scorecard scorecard;

	private final HealthScoring scoring;

	private final AccountsApi accounts;

	private final ObjectProvider<ChurnEstimates> churn;

	private final MessageSource messages;

	private final Clock clock;

	HealthReport(Snapshots snapshots, HealthFlags flags, Scorecard scorecard, HealthScoring scoring,
			AccountsApi accounts, ObjectProvider<ChurnEstimates> churn, MessageSource messages, Clock clock) {
		this.snapshots = snapshots;
		this.flags = flags;
		this.scorecard = scorecard;
		this.scoring = scoring;
		this.accounts = accounts;
		this.churn = churn;
		this.messages = messages;
		this.clock = clock;
	}

	public record AccountHealth(long accountId, Integer score, String band, boolean higherIsHealthier, LocalDate day,
			Instant computedAt, Trend trend, List<MeasureJson> measures, List<FlagJson> flags,
			Double churnProbability, List<ChurnEstimates.Factor> factors, String churnStatus) {
	}

	/** The score at the window's start ({@code since}, the snapshot found) and the change since. */
	public record Trend(int window, LocalDate since, Integer previous, Integer delta) {
	}

	public record MeasureJson(String key, String label, String unit, Double value, Double points, double weight,
			Double contribution, Double previousValue, boolean missing) {
	}

	public record FlagJson(String key, String label, LocalDate since, String evidence) {
	}

	/** A day's score in the history. */
	public record DayScore(LocalDate day, Integer score, String band) {
	}

	int window(String value) {
		if (value == null || value.isBlank()) {
			return 30;
		}
		try {
			int window = Integer.parseInt(value.strip());
			if (WINDOWS.contains(window)) {
				return window;
			}
		}
		catch (NumberFormatException e) {
			// answered below
		}
		throw InvalidInputException.of("window", "errors.health.window", value);
	}

	AccountHealth of(long accountId, int window, Locale locale) {
		requireAccount(accountId);
		Snapshots.Snapshot now = snapshots.latest(accountId).orElseGet(() -> {
			scoring.recompute(accountId, today());
			return snapshots.latest(accountId).orElseThrow();
		});
		Optional<Snapshots.Snapshot> then = snapshots.onOrBefore(accountId, now.day().minusDays(window));
		Map<String, Snapshots.Value> values = snapshots.values(accountId, now.day());
		Map<String, Snapshots.Value> before = then.map(s -> snapshots.values(accountId, s.day())).orElse(Map.of());
		double weights = values.values().stream().filter(v -> v.points() != null).mapToDouble(Snapshots.Value::weight)
			.sum();
		List<MeasureJson> measures = new ArrayList<>();
		for (Measure m : scorecard.measures()) {
			Snapshots.Value v = values.get(m.key());
			if (v == null) {
				continue;
			}
			Double contribution = v.points() == null || weights == 0 ? null
					: Scoring.round(v.weight() * v.points() / weights, 2);
			Snapshots.Value b = before.get(m.key());
			measures.add(new MeasureJson(m.key(), label(m.key(), locale), m.source().unit(), v.value(), v.points(),
					v.weight(), contribution, b == null ? null : b.value(), v.value() == null));
		}
		Integer previous = then.map(Snapshots.Snapshot::score).orElse(null);
		Trend trend = new Trend(window, then.map(Snapshots.Snapshot::day).orElse(null), previous,
				previous == null || now.score() == null ? null : now.score() - previous);
		List<FlagJson> up = flags.open(List.of(accountId)).getOrDefault(accountId, List.of()).stream()
			.map(o -> new FlagJson(o.key(), flags.label(o.key(), locale), o.raisedOn(), flags.evidence(o, locale)))
			.toList();
		ChurnEstimates model = churn.getIfAvailable();
		Double probability = null;
		List<ChurnEstimates.Factor> factors = null;
		String status = null;
		if (model != null && model.available()) {
			Optional<ChurnEstimates.ChurnEstimate> estimate = model.estimate(accountId);
			probability = estimate.map(ChurnEstimates.ChurnEstimate::probability).orElse(null);
			factors = estimate.map(ChurnEstimates.ChurnEstimate::factors).orElse(null);
		}
		else {
			status = model == null ? messages.getMessage("health.churn.none", null, locale) : model.status();
		}
		return new AccountHealth(accountId, now.score(), now.band(), true, now.day(), now.computedAt(), trend,
				measures, up, probability, factors, status);
	}

	List<DayScore> history(long accountId, String from, String to) {
		requireAccount(accountId);
		LocalDate last = day(to, "to", today());
		LocalDate first = day(from, "from", last.minusDays(89));
		if (first.isAfter(last)) {
			throw InvalidInputException.of("from", "errors.activity.range-order");
		}
		if (java.time.temporal.ChronoUnit.DAYS.between(first, last) >= 366) {
			throw InvalidInputException.of("from", "errors.activity.range-long", 366);
		}
		return snapshots.history(accountId, first, last).stream()
			.map(s -> new DayScore(s.day(), s.score(), s.band())).toList();
	}

	String label(String measureKey, Locale locale) {
		return messages.getMessage("health.measure." + measureKey, null, measureKey, locale);
	}

	private void requireAccount(long accountId) {
		if (accounts.account(accountId).isEmpty()) {
			throw NotFoundException.of("errors.account.not-found", accountId);
		}
	}

	private LocalDate today() {
		return LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
	}

	private static LocalDate day(String value, String field, LocalDate otherwise) {
		if (value == null || value.isBlank()) {
			return otherwise;
		}
		try {
			return LocalDate.parse(value.strip());
		}
		catch (java.time.format.DateTimeParseException e) {
			throw InvalidInputException.of(field, "errors.activity.day", value);
		}
	}
}
