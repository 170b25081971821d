package io.rapport.analytics.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

import io.rapport.analytics.internal.ReportQuery.GroupBy;
import io.rapport.surveys.CsatSentSurveys;
import io.rapport.surveys.CsatSentSurveys.SentSurvey;

import org.springframework.stereotype.Component;

/**
 * The CSAT report's response rate: surveys sent in the period (or in a row's period) that have an answer ÷ surveys
 * sent, beside the answers. A row of the report counts answers given in it and surveys sent in it, so a survey sent
 * on the last day of a week and answered on the next counts in the first week's rate and the second week's CSAT.
 * Surveys do not record the ticket's priority: by priority, rows have no rate (the total has).
 */
@Component
class ResponseRates {

	private final CsatSentSurveys surveys;

	ResponseRates(CsatSentSurveys surveys) {
		this.surveys = surveys;
	}

	/** Adds {@code surveysSent}, {@code surveysAnswered} and {@code responseRate} to the total and each row. */
	void add(ReportQuery q, Report report) {
		long[] total = new long[2];
		Map<Object, long[]> byKey = new HashMap<>();
		GroupBy by = q.groupBy();
		Instant from = q.from().atStartOfDay(ZoneOffset.UTC).toInstant();
		Instant to = q.to().plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
		surveys.eachSent(from, to, s -> {
			if (!matches(q, s)) {
				return;
			}
			count(total, s);
			if (by != null && by != GroupBy.PRIORITY) {
				count(byKey.computeIfAbsent(key(by, s), k -> new long[2]), s);
			}
		});
		put(report.total(), total);
		if (by == null) {
			return;
		}
		for (Map<String, Object> row : report.rows()) {
			put(row, by == GroupBy.PRIORITY ? null : byKey.getOrDefault(row.get("key"), new long[2]));
			byKey.remove(row.get("key"));
		}
		byKey.forEach((key, counts) -> report.rows().add(unanswered(key, counts)));
	}

	/** A key with surveys sent and no answer given in the period: CSAT has nothing, the rate is 0 or more. */
	private static Map<String, Object> unanswered(Object key, long[] counts) {
		Map<String, Object> row = new LinkedHashMap<>();
		row.put("key", key);
		row.put("count", 0L);
		row.put("value", null);
		row.put("satisfied", 0L);
		row.put("commented", 0L);
		row.put("averageRating", null);
		put(row, counts);
		return row;
	}

	private static void count(long[] counts, SentSurvey s) {
		counts[0]++;
		if (s.answered()) {
			counts[1]++;
		}
	}

	private static void put(Map<String, Object> row, long[] counts) {
		row.put("surveysSent", counts == null ? null : counts[0]);
		row.put("surveysAnswered", counts == null ? null : counts[1]);
		row.put("responseRate", counts == null || counts[0] == 0 ? null
				: Reports.round(100.0 * counts[1] / counts[0]));
	}

	private static boolean matches(ReportQuery q, SentSurvey s) {
		return (q.channel() == null || q.channel().name().equals(s.channel()))
				&& (q.group() == null || q.group().equals(s.groupKey()))
				&& (q.account() == null || q.account().equals(s.accountId()))
				&& (q.agent() == null || q.agent().equals(s.agentId()));
	}

	/** The row key a survey falls under, as the CSAT report's own rows are keyed. */
	static Object key(GroupBy by, SentSurvey s) {
		LocalDate day = Days.day(s.sentAt());
		return switch (by) {
			case CHANNEL -> s.channel();
			case GROUP -> s.groupKey();
			case AGENT -> s.agentId();
			case ACCOUNT -> s.accountId();
			case DAY -> day.toString();
			case WEEK -> Days.week(day).toString();
			case MONTH -> day.toString().substring(0, 7);
			default -> null;
		};
	}
}
