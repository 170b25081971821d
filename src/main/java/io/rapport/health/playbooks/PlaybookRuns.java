package io.rapport.health.playbooks;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The runs of playbooks, one per playbook, account and trigger occurrence (the unique key is what makes an event
 * delivered twice run once), with the outcome of each step. A run interrupted by a crash is resumed from the first
 * step without an outcome when its event is delivered again.
 */
@Repository
class PlaybookRuns {

	static final String RUNNING = "RUNNING";

	static final String DONE = "DONE";

	static final String FAILED = "FAILED";

	/** How long a run may stay running before a new delivery of its event takes it over. */
	static final Duration STALE = Duration.ofMinutes(10);

	private final JdbcTemplate jdbc;

	private final Clock clock;

	PlaybookRuns(JdbcTemplate jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/**
	 * The run to do for this occurrence: a new one, or one a crash left unfinished (running, claimed more than
	 * {@link #STALE} ago); empty when it ran already or another delivery is running it now.
	 */
	Optional<Long> claim(long playbookId, long accountId, String occurrence, Instant at) {
		Instant now = clock.instant();
		int inserted;
		try {
			inserted = jdbc.update("insert into playbook_runs (playbook_id, account_id, occurrence, triggered_at, "
					+ "status, claimed_at) values (?, ?, ?, ?, ?, ?) on conflict do nothing", playbookId, accountId,
					occurrence, Timestamp.from(at), RUNNING, Timestamp.from(now));
		}
		catch (DataIntegrityViolationException lostRace) {
			// H2 checks the conflict before a concurrent insert commits; the other delivery runs it.
			return Optional.empty();
		}
		if (inserted == 0 && jdbc.update("update playbook_runs set claimed_at = ? where playbook_id = ? "
				+ "and account_id = ? and occurrence = ? and status = ? and claimed_at < ?", Timestamp.from(now),
				playbookId, accountId, occurrence, RUNNING, Timestamp.from(now.minus(STALE))) == 0) {
			return Optional.empty();
		}
		return jdbc.query("select id from playbook_runs where playbook_id = ? and account_id = ? and occurrence = ?",
				(rs, n) -> rs.getLong(1), playbookId, accountId, occurrence).stream().findFirst();
	}

	Set<Integer> stepsDone(long runId) {
		return new HashSet<>(jdbc.queryForList("select position from playbook_run_steps where run_id = ?",
				Integer.class, runId));
	}

	void recordStep(long runId, Step step, StepResult result) {
		jdbc.update("insert into playbook_run_steps (run_id, position, kind, status, detail_key, detail_arg, at) "
				+ "values (?, ?, ?, ?, ?, ?, ?) on conflict do nothing", runId, step.position(), step.kind().name(),
				result.done() ? DONE : FAILED, result.key(), result.argument(), Timestamp.from(clock.instant()));
	}

	String finish(long runId) {
		Integer failed = jdbc.queryForObject("select count(*) from playbook_run_steps where run_id = ? and status = ?",
				Integer.class, runId, FAILED);
		String status = failed == null || failed == 0 ? DONE : FAILED;
		jdbc.update("update playbook_runs set status = ?, finished_at = ? where id = ?", status,
				Timestamp.from(clock.instant()), runId);
		return status;
	}

	/** A playbook's runs, newest first. */
	List<RunView> ofPlaybook(long playbookId, int limit) {
		return withSteps(jdbc.query(SELECT + "where r.playbook_id = ? order by r.triggered_at desc, r.id desc limit ?",
				this::row, playbookId, limit));
	}

	/** An account's runs strictly before an instant, newest first: its timeline. */
	List<RunView> ofAccount(long accountId, Instant before, int limit) {
		return withSteps(jdbc.query(SELECT + "where r.account_id = ? and r.triggered_at < ? "
				+ "order by r.triggered_at desc, r.id desc limit ?", this::row, accountId, Timestamp.from(before),
				limit));
	}

	Optional<RunView> find(long runId) {
		return withSteps(jdbc.query(SELECT + "where r.id = ?", this::row, runId)).stream().findFirst();
	}

	private static final String SELECT = "select r.id, r.playbook_id, p.name, r.account_id, r.occurrence, "
			+ "r.triggered_at, r.status, r.finished_at from playbook_runs r join playbooks p on p.id = r.playbook_id ";

	private RunView row(ResultSet rs, int n) throws SQLException {
		OffsetDateTime finished = rs.getObject(8, OffsetDateTime.class);
		return new RunView(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getLong(4), rs.getString(5),
				rs.getObject(6, OffsetDateTime.class).toInstant(), rs.getString(7),
				finished == null ? null : finished.toInstant(), List.of());
	}

	private List<RunView> withSteps(List<RunView> runs) {
		if (runs.isEmpty()) {
			return runs;
		}
		Map<Long, List<RunView.StepOutcome>> steps = new LinkedHashMap<>();
		String marks = String.join(",", runs.stream().map(r -> "?").toList());
		jdbc.query("select run_id, position, kind, status, detail_key, detail_arg from playbook_run_steps "
				+ "where run_id in (" + marks + ") order by run_id, position", rs -> {
					steps.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>())
						.add(new RunView.StepOutcome(rs.getInt(2), StepKind.valueOf(rs.getString(3)),
								DONE.equals(rs.getString(4)), rs.getString(5), rs.getString(6)));
				}, runs.stream().map(RunView::id).toArray());
		return runs.stream().map(r -> new RunView(r.id(), r.playbookId(), r.playbookName(), r.accountId(),
				r.occurrence(), r.triggeredAt(), r.status(), r.finishedAt(), steps.getOrDefault(r.id(), List.of())))
			.toList();
	}
}
