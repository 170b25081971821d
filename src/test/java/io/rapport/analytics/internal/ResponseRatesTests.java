package io.rapport.analytics.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.rapport.analytics.internal.ReportQuery.GroupBy;
import io.rapport.surveys.CsatSentSurveys;
import io.rapport.surveys.CsatSentSurveys.SentSurvey;
import io.rapport.tickets.Channel;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The CSAT report's response rate from known surveys: per key, per week, the filters, and none by priority. */
class ResponseRatesTests {

	private static final List<SentSurvey> SENT = List.of(
			new SentSurvey(Instant.parse("2026-03-02T10:00:00Z"), true, "EMAIL", "tier1", 7L, 1L),
			new SentSurvey(Instant.parse("2026-03-03T10:00:00Z"), false, "EMAIL", "tier1", 7L, 1L),
			new SentSurvey(Instant.parse("2026-03-08T23:59:00Z"), true, "EMAIL", "tier2", 8L, 2L),
			new SentSurvey(Instant.parse("2026-03-09T00:01:00Z"), false, "CHAT", "tier1", 7L, 1L),
			new SentSurvey(Instant.parse("2026-03-10T10:00:00Z"), false, "CHAT", "tier2", 8L, 2L));

	/** Answers what was sent between the instants asked, as the surveys module does. */
	private final CsatSentSurveys surveys = (from, to, each) -> SENT.stream()
		.filter(s -> !s.sentAt().isBefore(from) && s.sentAt().isBefore(to)).forEach(each);

	private final ResponseRates rates = new ResponseRates(surveys);

	private static ReportQuery query(GroupBy by, Channel channel) {
		return new ReportQuery(LocalDate.parse("2026-03-02"), LocalDate.parse("2026-03-09"), by, null, channel, null,
				null);
	}

	private static Map<String, Object> row(Object key, long count) {
		Map<String, Object> row = new LinkedHashMap<>();
		row.put("key", key);
		row.put("count", count);
		return row;
	}

	@Test
	void shouldCountSurveysSentAndAnsweredPerKeyAndAddKeysWithoutAnswers() {
		List<Map<String, Object>> rows = new ArrayList<>(List.of(row("EMAIL", 2)));
		Report report = new Report(null, null, "channel", new LinkedHashMap<>(), rows);
		rates.add(query(GroupBy.CHANNEL, null), report);
		// the survey of 2026-03-10 is after the period
		assertThat(report.total()).containsEntry("surveysSent", 4L).containsEntry("surveysAnswered", 2L)
			.containsEntry("responseRate", 50.0);
		assertThat(rows.get(0)).containsEntry("surveysSent", 3L).containsEntry("surveysAnswered", 2L)
			.containsEntry("responseRate", 66.7);
		assertThat(rows.get(1)).containsEntry("key", "CHAT").containsEntry("count", 0L).containsEntry("value", null)
			.containsEntry("surveysSent", 1L).containsEntry("responseRate", 0.0);
	}

	@Test
	void shouldPutEachSurveyInTheWeekItWasSentAndApplyTheFilters() {
		List<Map<String, Object>> rows = new ArrayList<>();
		Report report = new Report(null, null, "week", new LinkedHashMap<>(), rows);
		rates.add(query(GroupBy.WEEK, Channel.EMAIL), report);
		assertThat(report.total()).containsEntry("surveysSent", 3L);
		assertThat(rows).extracting(r -> r.get("key")).containsExactly("2026-03-02");
		assertThat(rows.get(0)).containsEntry("surveysSent", 3L).containsEntry("surveysAnswered", 2L);
	}

	@Test
	void shouldLeaveTheRateOutOfRowsByPriority() {
		List<Map<String, Object>> rows = new ArrayList<>(List.of(row("HIGH", 1)));
		Report report = new Report(null, null, "priority", new LinkedHashMap<>(), rows);
		rates.add(query(GroupBy.PRIORITY, null), report);
		assertThat(rows).hasSize(1);
		assertThat(rows.get(0)).containsEntry("surveysSent", null).containsEntry("responseRate", null);
		assertThat(report.total()).containsEntry("surveysSent", 4L);
	}
}
