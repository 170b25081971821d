package io.rapport.analytics.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.rapport.analytics.internal.ReportQuery.GroupBy;
import io.rapport.shared.InvalidInputException;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The five reports over the read models, each one grouped query plus one for the total. ASA counts answered
 * tickets by the day they were created (the contact began) and gives the mean, median and 90th percentile
 * (interpolated, {@code percentile_cont}) in calendar and business seconds; CSAT the share of 4 and 5 ratings among
 * answers by the day they were answered; NPS promoters minus detractors in percent; SLA met of ended targets by the
 * day they ended; volume the tickets created and solved per key.
 */
@Component
@Transactional(readOnly = true)
class Reports {

	static final Set<String> KINDS = Set.of("asa", "csat", "nps", "sla", "volume");

	private final JdbcTemplate jdbc;

	private final Labels labels;

	private final Clock clock;

	private final ResponseRates responseRates;

	Reports(JdbcTemplate jdbc, Labels labels, Clock clock, ResponseRates responseRates) {
		this.jdbc = jdbc;
		this.labels = labels;
		this.clock = clock;
		this.responseRates = responseRates;
	}

	Report report(String kind, ReportQuery q) {
		labels.requireGroup(q.group());
		return switch (kind) {
			case "asa" -> asa(q);
			case "csat" -> csat(q);
			case "nps" -> nps(q);
			case "sla" -> sla(q);
			case "volume" -> volume(q);
			default -> throw InvalidInputException.of("report", "errors.analytics.report", kind);
		};
	}

	Report asa(ReportQuery q) {
		return asa(q, true);
	}

	/**
	 * {@code withTotal} false leaves the total (and "waiting now") empty: a page that shows only the rows of a
	 * second grouping spares the two dearest queries it already ran for the first (percentiles sort every answer).
	 */
	Report asa(ReportQuery q, boolean withTotal) {
		Source s = new Source("analytics_tickets t", "t.created", keys("t.channel", "t.group_key", "t.responder_id",
				"t.account_id", "t.priority", null, null), "t.channel", "t.group_key", "t.account_id", "t.responder_id",
				"t.asa_seconds is not null");
		String measures = "count(*) as n, avg(cast(t.asa_seconds as double precision)) as mean,"
				+ " percentile_cont(0.5) within group (order by t.asa_seconds) as median,"
				+ " percentile_cont(0.9) within group (order by t.asa_seconds) as p90,"
				+ " avg(cast(t.asa_business_seconds as double precision)) as bmean,"
				+ " percentile_cont(0.5) within group (order by t.asa_business_seconds) as bmedian,"
				+ " percentile_cont(0.9) within group (order by t.asa_business_seconds) as bp90";
		RowReader reader = (rs, row) -> {
			row.put("count", rs.getLong("n"));
			row.put("value", round(number(rs, "mean")));
			row.put("median", round(number(rs, "median")));
			row.put("p90", round(number(rs, "p90")));
			row.put("businessValue", round(number(rs, "bmean")));
			row.put("businessMedian", round(number(rs, "bmedian")));
			row.put("businessP90", round(number(rs, "bp90")));
		};
		Report report = run(s, measures, reader, q, withTotal);
		if (withTotal) {
			report.total().putAll(waitingNow(q));
		}
		return report;
	}

	/**
	 * Tickets nobody has answered yet, created up to the end of the period and not solved: how many, and how long
	 * they have waited until now (mean, median, 90th percentile and longest, in seconds).
	 */
	Map<String, Object> waitingNow(ReportQuery q) {
		long now = clock.instant().getEpochSecond();
		List<Object> args = new ArrayList<>();
		StringBuilder where = new StringBuilder(" where t.first_answer_at is null and t.status in ('NEW', 'OPEN',"
				+ " 'PENDING', 'ON_HOLD') and t.created_day <= ?");
		args.add(q.to());
		filters(where, args, q, "t.channel", "t.group_key", "t.account_id", null);
		Map<String, Object> waiting = new LinkedHashMap<>();
		jdbc.query("select count(*) as n, avg(cast(t.created_epoch as double precision)) as mean,"
				+ " percentile_cont(0.5) within group (order by t.created_epoch) as median,"
				+ " percentile_cont(0.1) within group (order by t.created_epoch) as p90, min(t.created_epoch) as oldest"
				+ " from analytics_tickets t" + where, rs -> {
					long n = rs.getLong("n");
					waiting.put("waitingCount", n);
					waiting.put("waitingValue", n == 0 ? null : round(now - number(rs, "mean")));
					waiting.put("waitingMedian", n == 0 ? null : round(now - number(rs, "median")));
					waiting.put("waitingP90", n == 0 ? null : round(now - number(rs, "p90")));
					waiting.put("waitingMax", n == 0 ? null : now - rs.getLong("oldest"));
				}, args.toArray());
		return waiting;
	}

	Report csat(ReportQuery q) {
		boolean join = q.groupBy() == GroupBy.PRIORITY;
		Source s = new Source("analytics_csat c" + (join ? " left join analytics_tickets t on t.ticket_id = c.ticket_id" : ""),
				"c.answered", keys("c.channel", "c.group_key", "c.agent_id", "c.account_id", "t.priority", null, null),
				"c.channel", "c.group_key", "c.account_id", "c.agent_id", null);
		String measures = "count(*) as n, sum(case when c.rating >= 4 then 1 else 0 end) as satisfied,"
				+ " sum(case when c.commented then 1 else 0 end) as commented,"
				+ " avg(cast(c.rating as double precision)) as mean";
		RowReader reader = (rs, row) -> {
			long n = rs.getLong("n");
			long satisfied = rs.getLong("satisfied");
			row.put("count", n);
			row.put("value", n == 0 ? null : round(100.0 * satisfied / n));
			row.put("satisfied", satisfied);
			row.put("commented", rs.getLong("commented"));
			row.put("averageRating", n == 0 ? null : round(number(rs, "mean"), 100));
		};
		Report report = run(s, measures, reader, q);
		int answered = report.rows().size();
		responseRates.add(q, report);
		if (report.rows().size() > answered) {
			// keys with surveys sent and no answer: named and ordered as the others
			List<Map<String, Object>> rows = new ArrayList<>(report.rows());
			labels.label(rows, q.groupBy());
			sort(rows, q.groupBy());
			report.rows().clear();
			report.rows().addAll(rows);
		}
		return report;
	}

	Report nps(ReportQuery q) {
		if (q.channel() != null) {
			throw InvalidInputException.of("channel", "errors.analytics.npsFilter");
		}
		if (q.group() != null) {
			throw InvalidInputException.of("group", "errors.analytics.npsFilter");
		}
		if (q.agent() != null) {
			throw InvalidInputException.of("agent", "errors.analytics.npsFilter");
		}
		Source s = new Source("analytics_nps n", "n.answered", keys(null, null, null, "n.account_id", null, null, null),
				null, null, "n.account_id", null, null);
		String measures = "count(*) as n, sum(case when n.score >= 9 then 1 else 0 end) as promoters,"
				+ " sum(case when n.score between 7 and 8 then 1 else 0 end) as passives,"
				+ " sum(case when n.score <= 6 then 1 else 0 end) as detractors";
		RowReader reader = (rs, row) -> {
			long n = rs.getLong("n");
			long promoters = rs.getLong("promoters");
			long detractors = rs.getLong("detractors");
			row.put("count", n);
			row.put("value", n == 0 ? null : round(100.0 * (promoters - detractors) / n));
			row.put("promoters", promoters);
			row.put("passives", rs.getLong("passives"));
			row.put("detractors", detractors);
		};
		return run(s, measures, reader, q);
	}

	Report sla(ReportQuery q) {
		boolean join = q.channel() != null || q.agent() != null || q.groupBy() == GroupBy.CHANNEL
				|| q.groupBy() == GroupBy.AGENT;
		Source s = new Source("analytics_sla s" + (join ? " left join analytics_tickets t on t.ticket_id = s.ticket_id" : ""),
				"s.ended", keys("t.channel", "s.group_key", "t.assignee_id", "s.account_id", "s.priority", "s.target",
						"s.policy_name"), "t.channel", "s.group_key", "s.account_id", "t.assignee_id", null);
		String measures = "count(*) as n, sum(case when s.breached then 0 else 1 end) as met,"
				+ " sum(case when s.breached then 1 else 0 end) as breached";
		RowReader reader = (rs, row) -> {
			long n = rs.getLong("n");
			long met = rs.getLong("met");
			row.put("count", n);
			row.put("value", n == 0 ? null : round(100.0 * met / n));
			row.put("met", met);
			row.put("breached", rs.getLong("breached"));
		};
		return run(s, measures, reader, q);
	}

	/** Tickets created per key (the value) beside the tickets solved per key in the same period. */
	Report volume(ReportQuery q) {
		Source created = new Source("analytics_tickets t", "t.created", keys("t.channel", "t.group_key",
				"t.assignee_id", "t.account_id", "t.priority", null, null), "t.channel", "t.group_key", "t.account_id",
				"t.assignee_id", null);
		Source solved = new Source("analytics_tickets t", "t.solved", created.keys(), "t.channel", "t.group_key",
				"t.account_id", "t.assignee_id", null);
		Report report = run(created, "count(*) as n", (rs, row) -> {
			row.put("count", rs.getLong("n"));
			row.put("value", rs.getLong("n"));
		}, q);
		Report done = run(solved, "count(*) as n", (rs, row) -> row.put("solved", rs.getLong("n")), q);
		report.total().put("solved", done.total().get("solved"));
		Map<Object, Map<String, Object>> byKey = new LinkedHashMap<>();
		report.rows().forEach(row -> {
			row.put("solved", 0L);
			byKey.put(row.get("key"), row);
		});
		for (Map<String, Object> row : done.rows()) {
			Map<String, Object> target = byKey.get(row.get("key"));
			if (target == null) {
				target = new LinkedHashMap<>();
				target.put("key", row.get("key"));
				if (row.containsKey("label")) {
					target.put("label", row.get("label"));
				}
				target.put("count", 0L);
				target.put("value", 0L);
				report.rows().add(target);
			}
			target.put("solved", row.get("solved"));
		}
		sort(report.rows(), q.groupBy());
		return report;
	}

	/** The columns a row may be grouped by in one report; periods come from the report's date column. */
	private static Map<GroupBy, String> keys(String channel, String group, String agent, String account,
			String priority, String target, String policy) {
		Map<GroupBy, String> keys = new EnumMap<>(GroupBy.class);
		putIf(keys, GroupBy.CHANNEL, channel);
		putIf(keys, GroupBy.GROUP, group);
		putIf(keys, GroupBy.AGENT, agent);
		putIf(keys, GroupBy.ACCOUNT, account);
		putIf(keys, GroupBy.PRIORITY, priority);
		putIf(keys, GroupBy.TARGET, target);
		putIf(keys, GroupBy.POLICY, policy);
		return keys;
	}

	private static void putIf(Map<GroupBy, String> keys, GroupBy by, String column) {
		if (column != null) {
			keys.put(by, column);
		}
	}

	private Report run(Source s, String measures, RowReader reader, ReportQuery q) {
		return run(s, measures, reader, q, true);
	}

	private Report run(Source s, String measures, RowReader reader, ReportQuery q, boolean withTotal) {
		String key = null;
		if (q.groupBy() != null) {
			key = q.groupBy().period() ? s.datePrefix() + "_" + q.groupBy().param() : s.keys().get(q.groupBy());
			if (key == null) {
				throw InvalidInputException.of("groupBy", "errors.analytics.groupByNotHere", q.groupBy().param());
			}
		}
		List<Object> args = new ArrayList<>();
		StringBuilder where = new StringBuilder(" where " + s.datePrefix() + "_day between ? and ?");
		args.add(q.from());
		args.add(q.to());
		filters(where, args, q, s.channel(), s.group(), s.account(), s.agent());
		if (s.extra() != null) {
			where.append(" and ").append(s.extra());
		}
		Map<String, Object> total = new LinkedHashMap<>();
		if (withTotal) {
			jdbc.query("select " + measures + " from " + s.from() + where, rs -> {
				reader.read(rs, total);
			}, args.toArray());
		}
		List<Map<String, Object>> rows = new ArrayList<>();
		if (key != null) {
			String sql = "select " + key + " as k, " + measures + " from " + s.from() + where + " group by " + key;
			jdbc.query(sql, rs -> {
				Map<String, Object> row = new LinkedHashMap<>();
				row.put("key", keyOf(rs.getObject("k"), q.groupBy()));
				reader.read(rs, row);
				rows.add(row);
			}, args.toArray());
			labels.label(rows, q.groupBy());
			sort(rows, q.groupBy());
		}
		return new Report(q.from(), q.to(), q.groupBy() == null ? null : q.groupBy().param(), total, rows);
	}

	private void filters(StringBuilder where, List<Object> args, ReportQuery q, String channel, String group,
			String account, String agent) {
		if (q.channel() != null) {
			requireFilter(channel, "channel");
			where.append(" and ").append(channel).append(" = ?");
			args.add(q.channel().name());
		}
		if (q.group() != null) {
			requireFilter(group, "group");
			where.append(" and ").append(group).append(" = ?");
			args.add(q.group());
		}
		if (q.account() != null) {
			requireFilter(account, "account");
			where.append(" and ").append(account).append(" = ?");
			args.add(q.account());
		}
		if (q.agent() != null) {
			requireFilter(agent, "agent");
			where.append(" and ").append(agent).append(" = ?");
			args.add(q.agent());
		}
	}

	private static void requireFilter(String column, String param) {
		if (column == null) {
			throw InvalidInputException.of(param, "errors.analytics.filterNotHere", param);
		}
	}

	private static Object keyOf(Object raw, GroupBy by) {
		if (raw == null) {
			return null;
		}
		if (by.period()) {
			LocalDate day = raw instanceof java.sql.Date date ? date.toLocalDate()
					: raw instanceof LocalDate local ? local : LocalDate.parse(raw.toString());
			return by == GroupBy.MONTH ? day.toString().substring(0, 7) : day.toString();
		}
		if (raw instanceof Number number) {
			return number.longValue();
		}
		return raw.toString();
	}

	private static void sort(List<Map<String, Object>> rows, GroupBy by) {
		if (by == null) {
			return;
		}
		if (by.period()) {
			rows.sort(Comparator.comparing(row -> String.valueOf(row.get("key"))));
		}
		else {
			rows.sort(Comparator.comparing((Map<String, Object> row) -> count(row)).reversed()
				.thenComparing(row -> String.valueOf(row.get("key"))));
		}
	}

	/** A row's count; the solved half of the volume report has none (its figure is {@code solved}). */
	private static long count(Map<String, Object> row) {
		Object count = row.getOrDefault("count", row.get("solved"));
		return count == null ? 0 : ((Number) count).longValue();
	}

	private static Double number(ResultSet rs, String column) throws SQLException {
		Object value = rs.getObject(column);
		return value == null ? null : ((Number) value).doubleValue();
	}

	static Double round(Double value) {
		return round(value, 10);
	}

	private static Double round(Double value, int scale) {
		return value == null ? null : Math.round(value * scale) / (double) scale;
	}

	/** Where one report reads: its tables, the prefix of its day/week/month columns, its keys and filters. */
	private record Source(String from, String datePrefix, Map<GroupBy, String> keys, String channel, String group,
			String account, String agent, String extra) {
	}

	@FunctionalInterface
	private interface RowReader {

		void read(ResultSet rs, Map<String, Object> row) throws SQLException;
	}
}
