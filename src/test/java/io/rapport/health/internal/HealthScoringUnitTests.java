package io.rapport.health.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.rapport.activity.UsageTotals;
import io.rapport.activity.UsageTotals.EventTotals;
import io.rapport.shared.InvalidInputException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Scores and flags from known inputs: weights, thresholds, missing data, bands, each flag's evidence. */
class HealthScoringUnitTests {

	static final LocalDate DAY = LocalDate.parse("2026-03-02");

	static final Instant AT = Instant.parse("2026-03-02T09:00:00Z");

	static final HealthSettings SETTINGS = new HealthSettings(Map.ofEntries(Map.entry("band.red-max", 50.0),
			Map.entry("band.yellow-max", 75.0), Map.entry("little-engagement.drop-percent", 40.0),
			Map.entry("little-engagement.min-hours", 1.0), Map.entry("password-resets.per-user", 0.3),
			Map.entry("password-resets.min-count", 3.0), Map.entry("no-knowledge-base.max-uses", 0.0),
			Map.entry("help-did-not-help.unresolved", 1.0), Map.entry("help-did-not-help.reopened", 2.0),
			Map.entry("help-did-not-help.bad-ratings", 1.0), Map.entry("falling-active-users.drop-points", 20.0),
			Map.entry("falling-active-users.min-percent", 30.0), Map.entry("renewal-at-risk.days", 60.0),
			Map.entry("renewal-at-risk.fall-points", 10.0)));

	static Measure measure(String key, Source source, String thresholds, Measure.Direction direction, double weight) {
		return new Measure(key, source, 30, direction, Measure.parse(thresholds, direction), weight, 0, 0);
	}

	@Test
	void shouldWeighPointsOfTheMeasuresWithDataOnly() {
		List<Measure> measures = List.of(
				measure("a", Source.VALUE_EVENTS, "0:0 10:100", Measure.Direction.HIGHER, 2),
				measure("b", Source.REOPENED_TICKETS, "0:100 4:0", Measure.Direction.LOWER, 1),
				measure("c", Source.CSAT, "0:0 100:100", Measure.Direction.HIGHER, 3));

		Scoring.Score score = Scoring.score(measures, Arrays.asList(5.0, 1.0, null), SETTINGS);

		// (2 × 50 + 1 × 75) ÷ (2 + 1) = 58.33: the missing measure's weight 3 is left out, not counted as zero
		assertThat(score.score()).isEqualTo(58);
		assertThat(score.band()).isEqualTo("YELLOW");
		assertThat(score.parts()).extracting(Scoring.Part::points).containsExactly(50.0, 75.0, null);
		assertThat(score.parts()).extracting(Scoring.Part::contribution).containsExactly(33.33, 25.0, null);
		assertThat(Scoring.score(measures, Arrays.asList(null, null, null), SETTINGS).score()).isNull();
		assertThat(Scoring.score(measures, Arrays.asList(0.0, 4.0, 50.0), SETTINGS).band()).isEqualTo("RED");
		assertThat(Scoring.score(measures, Arrays.asList(10.0, 0.0, 90.0), SETTINGS)).extracting(Scoring.Score::score,
				Scoring.Score::band).containsExactly(95, "GREEN");
	}

	@Test
	void shouldMapValuesToPointsOnStraightLinesAndFlatBeyondTheEnds() {
		Measure m = measure("x", Source.CSAT, "50:0 75:50 90:90 100:100", Measure.Direction.HIGHER, 1);
		assertThat(m.points(20)).isEqualTo(0);
		assertThat(m.points(62.5)).isEqualTo(25);
		assertThat(m.points(82.5)).isEqualTo(70);
		assertThat(m.points(120)).isEqualTo(100);
		Measure lower = measure("y", Source.REOPENED_TICKETS, "0:100 1:70 3:20 5:0", Measure.Direction.LOWER, 1);
		assertThat(lower.points(2)).isEqualTo(45);
		assertThat(lower.points(9)).isEqualTo(0);
		assertThat(lower.thresholdText()).isEqualTo("0:100 1:70 3:20 5:0");
	}

	@Test
	void shouldRefuseThresholdsThatDoNotRiseOrDisagreeWithTheDirection() {
		assertThatThrownBy(() -> Measure.parse("0:0 5:100", Measure.Direction.LOWER))
			.isInstanceOf(InvalidInputException.class).extracting("field").isEqualTo("thresholds");
		assertThatThrownBy(() -> Measure.parse("5:0 1:100", Measure.Direction.HIGHER))
			.isInstanceOf(InvalidInputException.class);
		assertThatThrownBy(() -> Measure.parse("0:0 5:120", Measure.Direction.HIGHER))
			.isInstanceOf(InvalidInputException.class);
		assertThatThrownBy(() -> Measure.parse("lots", Measure.Direction.HIGHER))
			.isInstanceOf(InvalidInputException.class);
		assertThat(Measure.parse("0:0, 2.5:100", Measure.Direction.HIGHER)).hasSize(2);
	}

	@Test
	void shouldReadMeasuresFromUsageAndMarkThemMissingWithoutData() {
		AccountInputs in = inputs(usage(4, Map.of("Session Ended", new EventTotals(4, 4, 4 * 6480),
				"Signed In", new EventTotals(20, 4, 0))), usage(8, Map.of("Session Ended",
						new EventTotals(8, 8, 8 * 18000))), 10, null, 0, 0, List.of());
		assertThat(value(Source.ENGAGEMENT_PER_USER, in)).isEqualTo(1.8);
		assertThat(value(Source.ENGAGEMENT_TREND, in)).isEqualTo(-64.0);
		assertThat(value(Source.ACTIVE_USERS_VS_SEATS, in)).isEqualTo(40.0);
		assertThat(value(Source.SIGN_INS_PER_USER, in)).isEqualTo(5.0);
		assertThat(value(Source.KNOWLEDGE_BASE_PER_USER, in)).isEqualTo(0.0);
		assertThat(value(Source.CSAT, in)).isNull();
		assertThat(value(Source.NPS, in)).isNull();
		assertThat(value(Source.VALUE_EVENTS, in)).isNull();

		AccountInputs silent = inputs(null, null, 10, null, 2, 1, List.of(new AccountInputs.Csat(AT, 5),
				new AccountInputs.Csat(AT.minusSeconds(86_400 * 10), 2), new AccountInputs.Csat(AT.minusSeconds(86_400 * 200), 1)));
		assertThat(value(Source.ENGAGEMENT_PER_USER, silent)).isNull();
		assertThat(value(Source.ACTIVE_USERS_VS_SEATS, silent)).isNull();
		assertThat(value(Source.UNRESOLVED_AFTER_7_DAYS, silent)).isEqualTo(2.0);
		assertThat(value(Source.CSAT, silent)).as("the answer 200 days old is outside 90 days").isEqualTo(50.0);
	}

	@Test
	void shouldRaiseEachFlagWithItsEvidenceInNumbers() {
		Map<String, EventTotals> now = new HashMap<>(Map.of("Session Ended", new EventTotals(4, 4, 4 * 6480),
				"Password Reset Requested", new EventTotals(3, 2, 0), "Ticket Reopened", new EventTotals(2, 0, 0)));
		AccountInputs in = inputs(usage(4, now), usage(8, Map.of("Session Ended", new EventTotals(8, 8, 8 * 18000))),
				10, AT.plusSeconds(86_400L * 40), 0, 0, List.of());

		List<FlagRules.Flag> flags = FlagRules.flags(in, 48, "RED", 70, AT, SETTINGS);

		assertThat(flags).extracting(FlagRules.Flag::key).containsExactly("little-engagement", "password-resets",
				"no-knowledge-base", "help-did-not-help", "falling-active-users", "renewal-at-risk");
		assertThat(flags.get(0)).isEqualTo(new FlagRules.Flag("little-engagement", "health.evidence.engagement-down",
				List.of("64", "5.0", "1.8")));
		assertThat(flags.get(1).args()).containsExactly("3", "4");
		assertThat(flags.get(2).args()).containsExactly("0", "4");
		assertThat(flags.get(3).args()).containsExactly("0", "2", "0");
		assertThat(flags.get(4)).isEqualTo(new FlagRules.Flag("falling-active-users",
				"health.evidence.active-users-down", List.of("8", "4", "10", "80", "40")));
		assertThat(flags.get(5)).isEqualTo(new FlagRules.Flag("renewal-at-risk", "health.evidence.renewal-red",
				List.of("40", "2026-04-11", "48")));

		List<FlagRules.Flag> falling = FlagRules.flags(in, 60, "YELLOW", 72, AT, SETTINGS);
		assertThat(falling.get(falling.size() - 1)).isEqualTo(new FlagRules.Flag("renewal-at-risk",
				"health.evidence.renewal-falling", List.of("40", "2026-04-11", "12", "72", "60")));
		assertThat(FlagRules.flags(in, 60, "YELLOW", 65, AT, SETTINGS)).extracting(FlagRules.Flag::key)
			.doesNotContain("renewal-at-risk");
	}

	@Test
	void shouldRaiseNoFlagForAHealthyAccount() {
		AccountInputs in = inputs(usage(9, Map.of("Session Ended", new EventTotals(9, 9, 9 * 14400),
				"Help Article Viewed", new EventTotals(12, 5, 0))), usage(9, Map.of("Session Ended",
						new EventTotals(9, 9, 9 * 15000))), 10, AT.plusSeconds(86_400L * 200), 0, 0,
				List.of(new AccountInputs.Csat(AT, 5)));
		assertThat(FlagRules.flags(in, 85, "GREEN", 86, AT, SETTINGS)).isEmpty();
	}

	private static Double value(Source source, AccountInputs in) {
		Measure m = measure("m", source, source == Source.REOPENED_TICKETS ? "0:100 1:0" : "0:0 1:100",
				source == Source.REOPENED_TICKETS ? Measure.Direction.LOWER : Measure.Direction.HIGHER, 1);
		int window = source == Source.CSAT ? 90 : 30;
		Measure w = new Measure(m.key(), source, window, m.direction(), m.thresholds(), 1, 0, 0);
		Double v = MeasureValues.value(w, in);
		return v == null ? null : Scoring.round(v, 2);
	}

	private static UsageTotals usage(long users, Map<String, EventTotals> events) {
		return new UsageTotals(1, users, events);
	}

	private static AccountInputs inputs(UsageTotals now, UsageTotals before, int seats, Instant renewsAt,
			long unsolved, long escalated, List<AccountInputs.Csat> csat) {
		Map<Integer, UsageTotals> current = new HashMap<>();
		Map<Integer, UsageTotals> previous = new HashMap<>();
		if (now != null) {
			current.put(30, now);
		}
		if (before != null) {
			previous.put(30, before);
		}
		return new AccountInputs(1, DAY, current, previous, seats, renewsAt, unsolved, escalated, csat, List.of(),
				Set.of(), Set.of());
	}
}
