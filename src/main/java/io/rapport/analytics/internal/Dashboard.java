package io.rapport.analytics.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;


import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The figures of the support lead's dashboard beyond the five reports: the backlog as it stands now (by age, group
 * and status), how long solved tickets took, and the latest commented CSAT answers.
 */
@Component
@Transactional(readOnly = true)
class Dashboard {

	static final String UNSOLVED = "('NEW', 'OPEN', 'PENDING', 'ON_HOLD')";

	/** Upper bounds of the backlog's age buckets, in days: under 1, 1-3, 3-7, 7-30, 30 and more. */
	static final int[] AGE_DAYS = { 1, 3, 7, 30 };

	/** Upper bounds of the resolution time buckets, in hours: under 1, 1-4, 4-24, 24-72, 72-168, a week and more. */
	static final int[] RESOLUTION_HOURS = { 1, 4, 24, 72, 168 };

	private final JdbcTemplate jdbc;

	private final Clock clock;

	Dashboard(JdbcTemplate jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/** A count in a bucket: {@code index} orders the buckets; {@code key} is the group key or status. */
	record Bucket(int index, String key, long count) {
	}

	/** Unsolved tickets now, by age bucket (index 0 is under a day). */
	List<Bucket> backlogByAge(ReportQuery q) {
		long now = clock.instant().getEpochSecond();
		StringBuilder sql = new StringBuilder("select case");
		List<Object> args = new ArrayList<>();
		for (int i = 0; i < AGE_DAYS.length; i++) {
			sql.append(" when t.created_epoch > ? then ").append(i);
			args.add(now - AGE_DAYS[i] * 86_400L);
		}
		sql.append(" else ").append(AGE_DAYS.length).append(" end as b from analytics_tickets t");
		return buckets(sql, args, q, "t.status in " + UNSOLVED, AGE_DAYS.length + 1);
	}

	/** Unsolved tickets now per group key, most first. */
	List<Bucket> backlogBy(String column, ReportQuery q) {
		List<Object> args = new ArrayList<>();
		StringBuilder where = where(q, args, "t.status in " + UNSOLVED);
		List<Bucket> result = new ArrayList<>();
		jdbc.query("select t." + column + " as k, count(*) as n from analytics_tickets t" + where + " group by t."
				+ column + " order by count(*) desc, t." + column, rs -> {
					result.add(new Bucket(result.size(), rs.getString("k"), rs.getLong("n")));
				}, args.toArray());
		return result;
	}

	/** Tickets solved in the period, by how long they took from creation (index 0 is under an hour). */
	List<Bucket> resolutionTimes(ReportQuery q) {
		StringBuilder sql = new StringBuilder("select case");
		List<Object> args = new ArrayList<>();
		for (int i = 0; i < RESOLUTION_HOURS.length; i++) {
			sql.append(" when t.resolution_seconds < ? then ").append(i);
			args.add(RESOLUTION_HOURS[i] * 3_600L);
		}
		sql.append(" else ").append(RESOLUTION_HOURS.length).append(" end as b from analytics_tickets t");
		args.add(q.from());
		args.add(q.to());
		return buckets(sql, args, q, "t.solved_day between ? and ? and t.resolution_seconds is not null",
				RESOLUTION_HOURS.length + 1);
	}

	/** A commented CSAT answer, newest first. */
	record Comment(long ticketId, int rating, Long agentId, Instant at) {
	}

	List<Comment> latestComments(ReportQuery q, int limit) {
		List<Object> args = new ArrayList<>();
		StringBuilder where = new StringBuilder(" where c.commented = true and c.answered_day between ? and ?");
		args.add(q.from());
		args.add(q.to());
		if (q.channel() != null) {
			where.append(" and c.channel = ?");
			args.add(q.channel().name());
		}
		if (q.group() != null) {
			where.append(" and c.group_key = ?");
			args.add(q.group());
		}
		if (q.account() != null) {
			where.append(" and c.account_id = ?");
			args.add(q.account());
		}
		if (q.agent() != null) {
			where.append(" and c.agent_id = ?");
			args.add(q.agent());
		}
		return jdbc.query("select c.ticket_id, c.rating, c.agent_id, c.answered_at from analytics_csat c" + where
				+ " order by c.answered_at desc, c.answer_id desc fetch first " + Math.max(1, Math.min(limit, 100))
				+ " rows only", (rs, n) -> new Comment(rs.getLong(1), rs.getInt(2),
						rs.getObject(3) == null ? null : rs.getLong(3),
						rs.getObject(4, java.time.OffsetDateTime.class).toInstant()), args.toArray());
	}

	private List<Bucket> buckets(StringBuilder select, List<Object> args, ReportQuery q, String condition,
			int size) {
		StringBuilder where = where(q, args, condition);
		long[] counts = new long[size];
		jdbc.query("select b, count(*) as n from (" + select + where + ") x group by b", rs -> {
			counts[rs.getInt("b")] = rs.getLong("n");
		}, args.toArray());
		List<Bucket> result = new ArrayList<>(size);
		for (int i = 0; i < size; i++) {
			result.add(new Bucket(i, null, counts[i]));
		}
		return result;
	}

	private static StringBuilder where(ReportQuery q, List<Object> args, String condition) {
		StringBuilder where = new StringBuilder(" where ").append(condition);
		if (q.channel() != null) {
			where.append(" and t.channel = ?");
			args.add(q.channel().name());
		}
		if (q.group() != null) {
			where.append(" and t.group_key = ?");
			args.add(q.group());
		}
		if (q.account() != null) {
			where.append(" and t.account_id = ?");
			args.add(q.account());
		}
		return where;
	}
}
