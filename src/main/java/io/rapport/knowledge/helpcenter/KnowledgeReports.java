package io.rapport.knowledge.helpcenter;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * What the help center's readers did, for the people who write it: top searches, searches that found nothing,
 * views and votes per article and locale, and deflection (suggestions that ended a request before it was sent).
 * Every query is bounded by a period and a limit, and served by an index on its time column.
 */
@Component
public class KnowledgeReports {

	private final JdbcTemplate jdbc;

	private final Clock clock;

	KnowledgeReports(JdbcTemplate jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	public record Period(Instant from, Instant to) {
	}

	public record SearchRow(String query, String locale, long count, long clicks, double averageResults) {
	}

	public record ArticleRow(long articleId, String locale, long views, long signedInViews, long helpful, long notHelpful) {

		public long votes() {
			return helpful + notHelpful;
		}

		public int helpfulPercent() {
			return votes() == 0 ? 0 : (int) Math.round(100.0 * helpful / votes());
		}
	}

	public record CommentRow(long articleId, String locale, String comment, Instant at) {
	}

	public record DeflectionRow(long articleId, long shown, long opened, long answered) {
	}

	public record WeekRow(LocalDate week, long sessions, long opened, long answered) {

		public int rate() {
			return sessions == 0 ? 0 : (int) Math.round(100.0 * answered / sessions);
		}
	}

	Period lastDays(int days) {
		Instant now = clock.instant();
		return new Period(now.minus(days, ChronoUnit.DAYS), now.plusSeconds(1));
	}

	/** Article ids by views over the last days, most viewed first. */
	List<Long> mostViewed(int days, int limit) {
		Period period = lastDays(days);
		return jdbc.queryForList("select article_id from knowledge_article_views where viewed_at >= ? and viewed_at < ? "
				+ "group by article_id order by count(*) desc, article_id fetch first " + limit + " rows only", Long.class,
				ts(period.from()), ts(period.to()));
	}

	List<SearchRow> topSearches(Period period, String locale, int limit) {
		return searches(period, locale, false, limit);
	}

	List<SearchRow> nothingFound(Period period, String locale, int limit) {
		return searches(period, locale, true, limit);
	}

	private List<SearchRow> searches(Period period, String locale, boolean empty, int limit) {
		List<Object> args = new ArrayList<>(List.of(ts(period.from()), ts(period.to())));
		String where = "searched_at >= ? and searched_at < ?" + (empty ? " and result_count = 0" : "");
		if (locale != null) {
			where += " and locale = ?";
			args.add(locale);
		}
		return jdbc.query("select query, locale, count(*), count(clicked_article_id), avg(cast(result_count as double "
				+ "precision)) from knowledge_searches where " + where + " group by query, locale "
				+ "order by count(*) desc, query fetch first " + limit + " rows only",
				(row, n) -> new SearchRow(row.getString(1), row.getString(2), row.getLong(3), row.getLong(4),
						row.getDouble(5)), args.toArray());
	}

	/** Views and votes per article and locale (votes as they stand, last changed in the period). */
	List<ArticleRow> articles(Period period, int limit) {
		Map<String, long[]> counts = new TreeMap<>();
		jdbc.query("select article_id, locale, count(*), count(contact_id) from knowledge_article_views "
				+ "where viewed_at >= ? and viewed_at < ? group by article_id, locale", row -> {
					long[] c = counts.computeIfAbsent(row.getLong(1) + "|" + row.getString(2), k -> new long[4]);
					c[0] = row.getLong(3);
					c[1] = row.getLong(4);
				}, ts(period.from()), ts(period.to()));
		jdbc.query("select article_id, locale, sum(case when helpful then 1 else 0 end), "
				+ "sum(case when helpful then 0 else 1 end) from knowledge_votes where updated_at >= ? and updated_at < ? "
				+ "group by article_id, locale", row -> {
					long[] c = counts.computeIfAbsent(row.getLong(1) + "|" + row.getString(2), k -> new long[4]);
					c[2] = row.getLong(3);
					c[3] = row.getLong(4);
				}, ts(period.from()), ts(period.to()));
		List<ArticleRow> rows = new ArrayList<>();
		counts.forEach((key, c) -> {
			int bar = key.indexOf('|');
			rows.add(new ArticleRow(Long.parseLong(key.substring(0, bar)), key.substring(bar + 1), c[0], c[1], c[2], c[3]));
		});
		rows.sort((a, b) -> a.views() != b.views() ? Long.compare(b.views(), a.views())
				: Long.compare(b.votes(), a.votes()));
		return rows.size() > limit ? rows.subList(0, limit) : rows;
	}

	/** What readers who said "no" wrote, newest first. */
	List<CommentRow> comments(Period period, int limit) {
		return jdbc.query("select article_id, locale, comment, updated_at from knowledge_votes where comment is not null "
				+ "and updated_at >= ? and updated_at < ? order by updated_at desc, id desc fetch first " + limit
				+ " rows only", (row, n) -> new CommentRow(row.getLong(1), row.getString(2), row.getString(3),
						row.getTimestamp(4).toInstant()), ts(period.from()), ts(period.to()));
	}

	List<DeflectionRow> deflectionByArticle(Period period, int limit) {
		return jdbc.query("select article_id, sum(case when kind = 'SHOWN' then 1 else 0 end) shown, "
				+ "sum(case when kind = 'OPENED' then 1 else 0 end) opened, "
				+ "sum(case when kind = 'ANSWERED' then 1 else 0 end) answered from knowledge_deflections "
				+ "where occurred_at >= ? and occurred_at < ? group by article_id "
				+ "order by answered desc, opened desc, shown desc, article_id fetch first " + limit + " rows only",
				(row, n) -> new DeflectionRow(row.getLong(1), row.getLong(2), row.getLong(3), row.getLong(4)),
				ts(period.from()), ts(period.to()));
	}

	/** Per week (from Monday, UTC): forms that showed suggestions, that opened one, that ended without a request. */
	List<WeekRow> deflectionByWeek(Period period) {
		Map<LocalDate, long[]> weeks = new TreeMap<>();
		jdbc.query("select session_id, kind, min(occurred_at) from knowledge_deflections where occurred_at >= ? "
				+ "and occurred_at < ? group by session_id, kind", row -> {
					LocalDate day = row.getTimestamp(3).toInstant().atZone(java.time.ZoneOffset.UTC).toLocalDate();
					long[] c = weeks.computeIfAbsent(day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)),
							k -> new long[3]);
					switch (row.getString(2)) {
						case "SHOWN" -> c[0]++;
						case "OPENED" -> c[1]++;
						default -> c[2]++;
					}
				}, ts(period.from()), ts(period.to()));
		List<WeekRow> rows = new ArrayList<>();
		weeks.forEach((week, c) -> rows.add(new WeekRow(week, c[0], c[1], c[2])));
		java.util.Collections.reverse(rows);
		return rows;
	}

	private static Timestamp ts(Instant instant) {
		return Timestamp.from(instant);
	}
}
