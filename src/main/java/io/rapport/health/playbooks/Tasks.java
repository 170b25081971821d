package io.rapport.health.playbooks;

import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/**
 * Success tasks: what a playbook asks of an account's owner, read by assignee, by state and by account, each list
 * behind an index and a limit. Changes are guarded by state in the statement itself, so two people completing the
 * same task cannot both succeed.
 */
@Repository
class Tasks {

	private static final String COLUMNS = "id, account_id, assignee_id, title, description, value_check, due_on, "
			+ "status, snoozed_until, outcome, note, completed_at, completed_by, run_id, created_at, version";

	private final JdbcTemplate jdbc;

	private final Clock clock;

	Tasks(JdbcTemplate jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	long create(long accountId, Long assigneeId, String title, String description, boolean valueCheck,
			LocalDate dueOn, Long runId) {
		GeneratedKeyHolder keys = new GeneratedKeyHolder();
		jdbc.update(con -> {
			PreparedStatement s = con.prepareStatement("insert into success_tasks (account_id, assignee_id, title, "
					+ "description, value_check, due_on, status, run_id, created_at, version) "
					+ "values (?, ?, ?, ?, ?, ?, 'OPEN', ?, ?, 0)", new String[] { "id" });
			s.setLong(1, accountId);
			setLong(s, 2, assigneeId);
			s.setString(3, title);
			s.setString(4, description);
			s.setBoolean(5, valueCheck);
			s.setDate(6, Date.valueOf(dueOn));
			setLong(s, 7, runId);
			s.setTimestamp(8, Timestamp.from(clock.instant()));
			return s;
		}, keys);
		return keys.getKey().longValue();
	}

	Optional<TaskView> find(long id) {
		return jdbc.query("select " + COLUMNS + " from success_tasks where id = ?", this::row, id).stream()
			.findFirst();
	}

	/**
	 * Tasks by assignee (null: anybody's; {@code unassigned}: nobody's), state ({@code open}, {@code overdue},
	 * {@code done}) and account (null: any). Open tasks soonest due first, done ones latest first.
	 */
	List<TaskView> list(Long assigneeId, boolean unassigned, String state, Long accountId, LocalDate today,
			int limit) {
		StringBuilder where = new StringBuilder(" where 1 = 1");
		List<Object> args = new ArrayList<>();
		if (unassigned) {
			where.append(" and assignee_id is null");
		}
		else if (assigneeId != null) {
			where.append(" and assignee_id = ?");
			args.add(assigneeId);
		}
		if (accountId != null) {
			where.append(" and account_id = ?");
			args.add(accountId);
		}
		String order = " order by due_on, id";
		switch (state) {
			case "done" -> {
				where.append(" and status = 'DONE'");
				order = " order by completed_at desc, id desc";
			}
			case "overdue" -> {
				where.append(" and status = 'OPEN' and due_on < ?");
				args.add(Date.valueOf(today));
			}
			default -> where.append(" and status = 'OPEN'");
		}
		args.add(limit);
		return jdbc.query("select " + COLUMNS + " from success_tasks" + where + order + " limit ?", this::row,
				args.toArray());
	}

	long countOverdue(long assigneeId, LocalDate today) {
		Long n = jdbc.queryForObject("select count(*) from success_tasks where assignee_id = ? and status = 'OPEN' "
				+ "and due_on < ?", Long.class, assigneeId, Date.valueOf(today));
		return n == null ? 0 : n;
	}

	/** Completes an open task; answers false when it was not open any more. */
	boolean complete(long id, TaskOutcome outcome, String note, long by) {
		return jdbc.update("update success_tasks set status = 'DONE', outcome = ?, note = ?, completed_at = ?, "
				+ "completed_by = ?, version = version + 1 where id = ? and status = 'OPEN'", outcome.name(), note,
				Timestamp.from(clock.instant()), by, id) == 1;
	}

	boolean snooze(long id, LocalDate until) {
		return jdbc.update("update success_tasks set due_on = ?, snoozed_until = ?, version = version + 1 "
				+ "where id = ? and status = 'OPEN'", Date.valueOf(until), Date.valueOf(until), id) == 1;
	}

	boolean reassign(long id, long assigneeId) {
		return jdbc.update("update success_tasks set assignee_id = ?, version = version + 1 where id = ? "
				+ "and status = 'OPEN'", assigneeId, id) == 1;
	}

	/** An account's completed tasks strictly before an instant, latest first: its timeline. */
	List<TaskView> completedOf(long accountId, Instant before, int limit) {
		return jdbc.query("select " + COLUMNS + " from success_tasks where account_id = ? and completed_at < ? "
				+ "order by completed_at desc, id desc limit ?", this::row, accountId, Timestamp.from(before), limit);
	}

	private TaskView row(ResultSet rs, int n) throws SQLException {
		Date snoozed = rs.getDate(9);
		String outcome = rs.getString(10);
		OffsetDateTime completed = rs.getObject(12, OffsetDateTime.class);
		return new TaskView(rs.getLong(1), rs.getLong(2), rs.getObject(3, Long.class), rs.getString(4),
				rs.getString(5), rs.getBoolean(6), rs.getDate(7).toLocalDate(), rs.getString(8),
				snoozed == null ? null : snoozed.toLocalDate(), outcome == null ? null : TaskOutcome.valueOf(outcome),
				rs.getString(11), completed == null ? null : completed.toInstant(), rs.getObject(13, Long.class),
				rs.getObject(14, Long.class), rs.getObject(15, OffsetDateTime.class).toInstant(), rs.getInt(16));
	}

	private static void setLong(PreparedStatement s, int i, Long value) throws SQLException {
		if (value == null) {
			s.setNull(i, Types.BIGINT);
		}
		else {
			s.setLong(i, value);
		}
	}
}
