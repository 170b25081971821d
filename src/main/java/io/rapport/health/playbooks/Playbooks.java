package io.rapport.health.playbooks;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.rapport.accounts.LifecycleStage;
import io.rapport.shared.ConflictException;
import io.rapport.shared.NotFoundException;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * The playbooks and their steps, read and written whole: a playbook is a small form an admin saves at once, so the
 * steps are replaced on every save, and the version guards two admins saving the same playbook.
 */
@Repository
class Playbooks {

	private static final String COLUMNS = "id, builtin_key, name, description, active, trigger_kind, trigger_flag, "
			+ "trigger_band, trigger_points, trigger_stage, trigger_days, cond_plan, cond_mrr_min, cond_mrr_max, "
			+ "cond_stage, cond_owner_id, version";

	private final JdbcTemplate jdbc;

	private final Clock clock;

	Playbooks(JdbcTemplate jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	@Transactional(readOnly = true)
	List<Playbook> all() {
		return withSteps(jdbc.query("select " + COLUMNS + " from playbooks order by name, id", this::row));
	}

	@Transactional(readOnly = true)
	List<Playbook> active(Trigger trigger) {
		return withSteps(jdbc.query("select " + COLUMNS + " from playbooks where trigger_kind = ? and active = true "
				+ "order by id", this::row, trigger.name()));
	}

	@Transactional(readOnly = true)
	Optional<Playbook> find(long id) {
		return withSteps(jdbc.query("select " + COLUMNS + " from playbooks where id = ?", this::row, id)).stream()
			.findFirst();
	}

	Playbook require(long id) {
		return find(id).orElseThrow(() -> NotFoundException.of("errors.playbooks.not-found", id));
	}

	@Transactional(readOnly = true)
	Optional<Playbook> builtin(String key) {
		return withSteps(jdbc.query("select " + COLUMNS + " from playbooks where builtin_key = ?", this::row, key))
			.stream().findFirst();
	}

	@Transactional
	Playbook create(Playbook p) {
		GeneratedKeyHolder keys = new GeneratedKeyHolder();
		Timestamp now = Timestamp.from(clock.instant());
		jdbc.update(con -> {
			PreparedStatement s = con.prepareStatement("insert into playbooks (builtin_key, name, description, "
					+ "active, trigger_kind, trigger_flag, trigger_band, trigger_points, trigger_stage, trigger_days, "
					+ "cond_plan, cond_mrr_min, cond_mrr_max, cond_stage, cond_owner_id, created_at, updated_at, "
					+ "version) "
					+ "values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0)", new String[] { "id" });
			s.setString(1, p.builtinKey());
			fill(s, 2, p);
			s.setTimestamp(16, now);
			s.setTimestamp(17, now);
			return s;
		}, keys);
		long id = keys.getKey().longValue();
		saveSteps(id, p.steps());
		return require(id);
	}

	/** Saves an edit made on the given version; a playbook saved by someone else since is a conflict. */
	@Transactional
	Playbook update(long id, int version, Playbook p) {
		require(id);
		int changed = jdbc.update(con -> {
			PreparedStatement s = con.prepareStatement("update playbooks set name = ?, description = ?, active = ?, "
					+ "trigger_kind = ?, trigger_flag = ?, trigger_band = ?, trigger_points = ?, trigger_stage = ?, "
					+ "trigger_days = ?, cond_plan = ?, cond_mrr_min = ?, cond_mrr_max = ?, cond_stage = ?, "
					+ "cond_owner_id = ?, updated_at = ?, version = version + 1 where id = ? and version = ?");
			fill(s, 1, p);
			s.setTimestamp(15, Timestamp.from(clock.instant()));
			s.setLong(16, id);
			s.setInt(17, version);
			return s;
		});
		if (changed == 0) {
			throw ConflictException.of("errors.playbooks.edited-meanwhile");
		}
		jdbc.update("delete from playbook_steps where playbook_id = ?", id);
		saveSteps(id, p.steps());
		return require(id);
	}

	@Transactional
	Playbook activate(long id, boolean active) {
		require(id);
		jdbc.update("update playbooks set active = ?, updated_at = ?, version = version + 1 where id = ?", active,
				Timestamp.from(clock.instant()), id);
		return require(id);
	}

	private void fill(PreparedStatement s, int from, Playbook p) throws SQLException {
		s.setString(from, p.name());
		s.setString(from + 1, p.description());
		s.setBoolean(from + 2, p.active());
		s.setString(from + 3, p.trigger().name());
		s.setString(from + 4, p.triggerFlag());
		s.setString(from + 5, p.triggerBand());
		setInt(s, from + 6, p.triggerPoints());
		s.setString(from + 7, p.triggerStage() == null ? null : p.triggerStage().name());
		setInt(s, from + 8, p.triggerDays());
		Playbook.Conditions c = p.conditions();
		s.setString(from + 9, c.plan());
		setLong(s, from + 10, c.mrrMin());
		setLong(s, from + 11, c.mrrMax());
		s.setString(from + 12, c.stage() == null ? null : c.stage().name());
		setLong(s, from + 13, c.ownerId());
	}

	private void saveSteps(long playbookId, List<Step> steps) {
		int position = 1;
		for (Step step : steps) {
			jdbc.update("insert into playbook_steps (playbook_id, position, kind, title, body, due_days, template_key) "
					+ "values (?, ?, ?, ?, ?, ?, ?)", playbookId, position++, step.kind().name(), step.title(),
					step.body(), step.dueDays(), step.template());
		}
	}

	private List<Playbook> withSteps(List<Playbook> playbooks) {
		if (playbooks.isEmpty()) {
			return playbooks;
		}
		Map<Long, List<Step>> steps = new LinkedHashMap<>();
		String ids = String.join(",", playbooks.stream().map(p -> "?").toList());
		jdbc.query("select playbook_id, position, kind, title, body, due_days, template_key from playbook_steps "
				+ "where playbook_id in (" + ids + ") order by playbook_id, position", rs -> {
					steps.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>())
						.add(new Step(rs.getInt(2), StepKind.valueOf(rs.getString(3)), rs.getString(4),
								rs.getString(5), rs.getObject(6, Integer.class), rs.getString(7)));
				}, playbooks.stream().map(Playbook::id).toArray());
		return playbooks.stream().map(p -> new Playbook(p.id(), p.builtinKey(), p.name(), p.description(), p.active(),
				p.trigger(), p.triggerFlag(), p.triggerBand(), p.triggerPoints(), p.triggerStage(), p.triggerDays(),
				p.conditions(), List.copyOf(steps.getOrDefault(p.id(), List.of())), p.version())).toList();
	}

	private Playbook row(ResultSet rs, int n) throws SQLException {
		return new Playbook(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getBoolean(5),
				Trigger.valueOf(rs.getString(6)), rs.getString(7), rs.getString(8), rs.getObject(9, Integer.class),
				stage(rs.getString(10)), rs.getObject(11, Integer.class),
				new Playbook.Conditions(rs.getString(12), rs.getObject(13, Long.class), rs.getObject(14, Long.class),
						stage(rs.getString(15)), rs.getObject(16, Long.class)),
				List.of(), rs.getInt(17));
	}

	private static LifecycleStage stage(String value) {
		return value == null ? null : LifecycleStage.valueOf(value);
	}

	private static void setInt(PreparedStatement s, int i, Integer value) throws SQLException {
		if (value == null) {
			s.setNull(i, Types.INTEGER);
		}
		else {
			s.setInt(i, value);
		}
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
