package io.rapport.workflows.internal;

import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import io.rapport.tickets.TicketPriority;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The targets table. Every state change that must happen once (a warning, the breach, the end) is a conditional
 * update whose row count says whether this caller made it: two sweeps, or a sweep and a listener, never both act.
 */
@Component
class TargetStore {

	static final String COLUMNS = "id, ticket_id, policy_id, policy_name, kind, calendar_id, target_minutes, "
			+ "warn_first_pct, warn_second_pct, priority, group_key, account_id, started_at, running_since, "
			+ "consumed_seconds, due_at, warn_first_at, warn_second_at, warned_first, warned_second, outcome, ended_at";

	static final RowMapper<SlaTarget> ROW = (rs, i) -> new SlaTarget(rs.getLong("id"), rs.getLong("ticket_id"),
			rs.getLong("policy_id"), rs.getString("policy_name"), TargetKind.valueOf(rs.getString("kind")),
			rs.getLong("calendar_id"), rs.getInt("target_minutes"), rs.getInt("warn_first_pct"),
			rs.getInt("warn_second_pct"), TicketPriority.valueOf(rs.getString("priority")), rs.getString("group_key"),
			rs.getObject("account_id", Long.class), Times.read(rs, "started_at"), Times.read(rs, "running_since"),
			rs.getLong("consumed_seconds"), Times.read(rs, "due_at"), Times.read(rs, "warn_first_at"),
			Times.read(rs, "warn_second_at"), rs.getBoolean("warned_first"), rs.getBoolean("warned_second"),
			rs.getString("outcome"), Times.read(rs, "ended_at"));

	private final JdbcTemplate jdbc;

	TargetStore(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/** Starts a target unless one with the same trigger exists (a redelivered event); true if it was started. */
	boolean start(long ticketId, SlaPolicy policy, TargetKind kind, String trigger, TicketPriority priority,
			String groupKey, Long accountId, Instant at, Schedule schedule) {
		Integer exists = jdbc.queryForObject("select count(*) from sla_targets where trigger_key = ?", Integer.class,
				trigger);
		if (exists != null && exists > 0) {
			return false;
		}
		long id = jdbc.queryForObject("select nextval('sla_targets_seq')", Long.class);
		return jdbc.update("insert into sla_targets (id, ticket_id, policy_id, policy_name, kind, trigger_key, "
				+ "calendar_id, target_minutes, warn_first_pct, warn_second_pct, priority, group_key, account_id, "
				+ "started_at, running_since, consumed_seconds, due_at, warn_first_at, warn_second_at, next_check_at) "
				+ "values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?, ?, ?) on conflict do nothing", id,
				ticketId, policy.id(), policy.name(), kind.name(), trigger, policy.calendarId(), policy.minutes(kind),
				policy.warnFirstPct(), policy.warnSecondPct(), priority.name(), groupKey, accountId, Times.sql(at),
				Times.sql(at), Times.sql(schedule.dueAt()), Times.sql(schedule.warnFirstAt()),
				Times.sql(schedule.warnSecondAt()), Times.sql(schedule.nextCheck())) == 1;
	}

	List<SlaTarget> ofTicket(long ticketId) {
		return jdbc.query("select " + COLUMNS + " from sla_targets where ticket_id = ? order by id", ROW, ticketId);
	}

	List<SlaTarget> running(long ticketId) {
		return jdbc.query("select " + COLUMNS + " from sla_targets where ticket_id = ? and outcome is null order by id",
				ROW, ticketId);
	}

	/** The policies these tickets have running targets under (a ticket with none is left out). */
	Map<Long, Set<Long>> runningPolicies(Collection<Long> ticketIds) {
		Map<Long, Set<Long>> policies = new HashMap<>();
		if (!ticketIds.isEmpty()) {
			new NamedParameterJdbcTemplate(jdbc).query(
					"select distinct ticket_id, policy_id from sla_targets where outcome is null and ticket_id in (:ids)",
					Map.of("ids", ticketIds),
					rs -> {
						policies.computeIfAbsent(rs.getLong(1), id -> new HashSet<>()).add(rs.getLong(2));
					});
		}
		return policies;
	}

	Optional<SlaTarget> find(long id) {
		return jdbc.query("select " + COLUMNS + " from sla_targets where id = ?", ROW, id).stream().findFirst();
	}

	boolean hasAny(long ticketId, TargetKind kind) {
		Integer n = jdbc.queryForObject("select count(*) from sla_targets where ticket_id = ? and kind = ?",
				Integer.class, ticketId, kind.name());
		return n != null && n > 0;
	}

	/** Tickets with a running target under the policy, in id order after {@code afterTicketId}. */
	List<Long> ticketsRunningUnder(long policyId, long afterTicketId, int limit) {
		return jdbc.queryForList("select distinct ticket_id from sla_targets where policy_id = ? and outcome is null "
				+ "and ticket_id > ? order by ticket_id fetch first " + limit + " rows only", Long.class, policyId,
				afterTicketId);
	}

	/** The rows the sweep has work on at {@code now}, soonest first; reads the next-check index only. */
	List<SlaTarget> due(Instant now, int limit) {
		return jdbc.query("select " + COLUMNS + " from sla_targets where next_check_at <= ? order by next_check_at, id "
				+ "fetch first " + limit + " rows only", ROW, Times.sql(now));
	}

	/** Ends a running target; false when it had already ended (another node, a redelivery). */
	boolean end(long id, String outcome, Instant at) {
		return jdbc.update("update sla_targets set outcome = ?, ended_at = ?, next_check_at = null, "
				+ "running_since = null where id = ? and outcome is null", outcome, Times.sql(at), id) == 1;
	}

	/** Marks the first (or second) warning sent; false when it was already. */
	boolean warn(long id, boolean second) {
		String flag = second ? "warned_second" : "warned_first";
		return jdbc.update("update sla_targets set " + flag + " = true where id = ? and " + flag
				+ " = false and outcome is null", id) == 1;
	}

	void reschedule(long id, Schedule schedule) {
		jdbc.update("update sla_targets set due_at = ?, warn_first_at = ?, warn_second_at = ?, next_check_at = ? "
				+ "where id = ? and outcome is null", Times.sql(schedule.dueAt()), Times.sql(schedule.warnFirstAt()),
				Times.sql(schedule.warnSecondAt()), Times.sql(schedule.nextCheck()), id);
	}

	/** The next moment the sweep has work on a row, after a warning was marked. */
	void nextCheck(long id, Instant next) {
		jdbc.update("update sla_targets set next_check_at = ? where id = ? and outcome is null", Times.sql(next), id);
	}

	/** Stops the clock: the business time used so far moves into {@code consumed_seconds}. */
	boolean pause(long id, long consumedSeconds) {
		return jdbc.update("update sla_targets set running_since = null, consumed_seconds = ?, due_at = null, "
				+ "warn_first_at = null, warn_second_at = null, next_check_at = null "
				+ "where id = ? and outcome is null and running_since is not null", consumedSeconds, id) == 1;
	}

	boolean resume(long id, Instant at, Schedule schedule) {
		return jdbc.update("update sla_targets set running_since = ?, due_at = ?, warn_first_at = ?, "
				+ "warn_second_at = ?, next_check_at = ? where id = ? and outcome is null and running_since is null",
				Times.sql(at), Times.sql(schedule.dueAt()), Times.sql(schedule.warnFirstAt()),
				Times.sql(schedule.warnSecondAt()), Times.sql(schedule.nextCheck()), id) == 1;
	}

	/** Another policy (or the same one changed) now applies to a running target. */
	void repolicy(long id, SlaPolicy policy, int minutes, TicketPriority priority, String groupKey) {
		jdbc.update("update sla_targets set policy_id = ?, policy_name = ?, calendar_id = ?, target_minutes = ?, "
				+ "warn_first_pct = ?, warn_second_pct = ?, priority = ?, group_key = ? where id = ? and outcome is null",
				policy.id(), policy.name(), policy.calendarId(), minutes, policy.warnFirstPct(), policy.warnSecondPct(),
				priority.name(), groupKey, id);
	}

	/** The soonest due time of the ticket's running targets, for the "breaches first" sort. */
	Instant nextDue(long ticketId) {
		return jdbc.query("select min(due_at) as next_due from sla_targets where ticket_id = ? and outcome is null",
				(rs, i) -> Times.read(rs, "next_due"), ticketId).stream().filter(java.util.Objects::nonNull).findFirst()
			.orElse(null);
	}
}
