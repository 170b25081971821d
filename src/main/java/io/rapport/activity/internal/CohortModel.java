package io.rapport.activity.internal;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import javax.sql.DataSource;

import io.rapport.activity.CohortQuery.Unit;
import io.rapport.shared.Database;

import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.init.ScriptUtils;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The rollups' read models for the business metrics, so that a metric over a year reads a row per person and period
 * instead of a year of rollups: each account's first day of each event (time to value), each person's and account's
 * first active day, and the weeks and months they were active with that first day beside them (retention); and the
 * months each person and account did each event, a bit per month ({@code activity_usage_months}: adoption, see
 * {@link UsageMonths}). Every rollup write adds to them in its own transaction ({@link #add}); a first day that moves
 * earlier (a late event) is copied to the person's periods. {@link #rebuild} starts them again from the rollups,
 * with the statements of the migrations that filled them first.
 */
@Component
public class CohortModel {

	/** A person ({@code U}, their user key) or an account ({@code A}, user key empty), as the tables' lvl says. */
	record Who(String level, long accountId, String userKey) {
	}

	private record Period(Who who, String unit, LocalDate start) {
	}

	/** A row of {@code activity_usage_months}: whose, which era and event (empty for any); its months in a map. */
	private record UsageMonth(String level, int era, String event, long accountId, String userKey) {
	}

	private static final Comparator<Who> WHO = Comparator.comparing(Who::level).thenComparingLong(Who::accountId)
		.thenComparing(Who::userKey);

	private static final Comparator<Period> PERIOD = Comparator.comparing(Period::who, WHO)
		.thenComparing(Period::unit).thenComparing(Period::start);

	private static final Comparator<UsageMonth> USAGE_MONTH = Comparator.comparing(UsageMonth::level)
		.thenComparingInt(UsageMonth::era).thenComparing(UsageMonth::event).thenComparingLong(UsageMonth::accountId)
		.thenComparing(UsageMonth::userKey);

	private static final List<String> FILLS = List.of(
			"db/migration/%s/activity/V202612021301_10__activity_cohort_read_models_fill.sql",
			"db/migration/%s/activity/V202612021401_10__activity_usage_months_fill.sql");

	private static final String CORE_FILL =
			"db/migration/common/activity/V202612021402_10__activity_usage_months_core.sql";

	private final JdbcTemplate jdbc;

	private final Database database;

	private final DataSource dataSource;

	CohortModel(JdbcTemplate jdbc, Database database, DataSource dataSource) {
		this.jdbc = jdbc;
		this.database = database;
		this.dataSource = dataSource;
	}

	/** Adds what a batch of rollup keys says: first days (kept when earlier), active weeks and months, months of use. */
	void add(Iterable<Rollups.Key> keys) {
		if (!keys.iterator().hasNext()) {
			return;
		}
		// the marks are read under their lock, kept until this transaction ends (see activity_core_marks)
		Set<String> core = coreFeaturesHeld();
		Map<String, LocalDate> firstDays = new TreeMap<>();
		Map<Who, LocalDate> firsts = new TreeMap<>(WHO);
		TreeSet<Period> periods = new TreeSet<>(PERIOD);
		Map<UsageMonth, Long> months = new TreeMap<>(USAGE_MONTH);
		for (Rollups.Key key : keys) {
			firstDays.merge(key.accountId() + "\t" + key.event(), key.day(), CohortModel::earlier);
			List<Who> whos = new ArrayList<>(2);
			whos.add(new Who("A", key.accountId(), ""));
			if (!key.userKey().isEmpty()) {
				whos.add(new Who("U", key.accountId(), key.userKey()));
			}
			boolean counted = UsageMonths.index(key.day()) >= 0;
			for (Who who : whos) {
				firsts.merge(who, key.day(), CohortModel::earlier);
				periods.add(new Period(who, "W", Unit.WEEK.startOf(key.day())));
				periods.add(new Period(who, "M", Unit.MONTH.startOf(key.day())));
				if (counted) {
					int era = UsageMonths.era(key.day());
					long bit = UsageMonths.bit(key.day());
					months.merge(new UsageMonth(who.level(), era, key.event(), who.accountId(), who.userKey()), bit,
							(a, b) -> a | b);
					months.merge(new UsageMonth(who.level(), era, "", who.accountId(), who.userKey()), bit,
							(a, b) -> a | b);
					if (core.contains(key.event())) {
						// lvl 'u' or 'a': any core feature
						months.merge(new UsageMonth(who.level().toLowerCase(Locale.ROOT), era, "", who.accountId(),
								who.userKey()), bit, (a, b) -> a | b);
					}
				}
			}
		}
		jdbc.execute((ConnectionCallback<Void>) connection -> {
			if (database.postgres()) {
				Postgres writer = new Postgres(connection);
				writer.write(firstDays, firsts, periods);
				writer.write(months);
			}
			else {
				Standard writer = new Standard(connection);
				writer.write(firstDays, firsts, periods);
				writer.write(months);
			}
			return null;
		});
	}

	/**
	 * The core features, read while holding the lock of the marks ({@code activity_core_marks}) until the current
	 * transaction ends: shared on PostgreSQL, so writers do not wait for each other; exclusive on H2, which has no
	 * shared row locks.
	 */
	private Set<String> coreFeaturesHeld() {
		jdbc.queryForList("select version from activity_core_marks where id = 1 for "
				+ (database.postgres() ? "share" : "update"), Long.class);
		return Set.copyOf(jdbc.queryForList("select event from activity_event_kinds where core_feature", String.class));
	}

	/**
	 * Called first by a change of the core-feature marks, in its transaction: takes the marks' lock exclusively, so
	 * that writers holding it finish first and later ones wait for the change to commit.
	 */
	void beginCoreChange() {
		jdbc.update("update activity_core_marks set version = version + 1 where id = 1");
	}

	/**
	 * Called after the marks changed, in the same transaction, and by {@link #rebuild}: the months of any core feature
	 * written again, by the migration that filled them first.
	 */
	void refillCore() {
		jdbc.update("delete from activity_usage_months where lvl in ('u', 'a')");
		runScript(CORE_FILL);
	}

	/** Empties the read models and fills them again from the rollups; answers the rollup rows read. */
	@Transactional
	public long rebuild() {
		beginCoreChange();
		jdbc.update("delete from activity_active_periods");
		jdbc.update("delete from activity_cohort_people");
		jdbc.update("delete from activity_first_days");
		jdbc.update("delete from activity_usage_months");
		String vendor = database.postgres() ? "postgresql" : "h2";
		FILLS.forEach(script -> runScript(script.formatted(vendor)));
		refillCore();

		Long rows = jdbc.queryForObject("select count(*) from activity_daily", Long.class);
		return rows == null ? 0 : rows;
	}

	/**
	 * After a {@link #rebuild} has committed, on PostgreSQL: every row was deleted and written again, so the index
	 * of the months (adoption's index-only counts) is built anew rather than kept at twice its size with the dead
	 * rows' entries (scans of it were four times slower), and the tables are vacuumed so that index-only scans need
	 * no heap (autovacuum would, later, where it is on). On its own connection: neither runs in a transaction.
	 */
	public void tidyAfterRebuild() {
		if (!database.postgres()) {
			return;
		}
		try (Connection connection = dataSource.getConnection(); Statement s = connection.createStatement()) {
			connection.setAutoCommit(true);
			s.execute("reindex table concurrently activity_usage_months");
			s.execute("vacuum (analyze) activity_usage_months, activity_active_periods, activity_cohort_people, "
					+ "activity_first_days");
		}
		catch (SQLException e) {
			throw new IllegalStateException("could not tidy the usage read models after their rebuild", e);
		}
	}

	private void runScript(String path) {
		jdbc.execute((ConnectionCallback<Void>) connection -> {
			ScriptUtils.executeSqlScript(connection, new ClassPathResource(path));
			return null;
		});
	}

	private static LocalDate earlier(LocalDate a, LocalDate b) {
		return a.isBefore(b) ? a : b;
	}

	/**
	 * PostgreSQL: a statement per table whatever the batch size, arrays in key order (no deadlock between batches).
	 * The upserts first leave out, by a plain read, the rows they would not change (a first day already as early,
	 * months already set): {@code on conflict do update} locks the row it meets until the transaction ends even when
	 * its {@code where} then leaves the row alone, so concurrent batches, which share their accounts' rows, queued
	 * behind each other. A row another batch is writing this moment is still settled by the conflict clause. The
	 * periods' {@code on conflict do nothing} locks nothing and needs no such read.
	 */
	private static final class Postgres {

		private final Connection connection;

		Postgres(Connection connection) {
			this.connection = connection;
		}

		void write(Map<String, LocalDate> firstDays, Map<Who, LocalDate> firsts, TreeSet<Period> periods)
				throws SQLException {
			int n = firstDays.size();
			Long[] accounts = new Long[n];
			String[] events = new String[n];
			Date[] days = new Date[n];
			int i = 0;
			for (Map.Entry<String, LocalDate> e : firstDays.entrySet()) {
				int tab = e.getKey().indexOf('\t');
				accounts[i] = Long.valueOf(e.getKey().substring(0, tab));
				events[i] = e.getKey().substring(tab + 1);
				days[i++] = Date.valueOf(e.getValue());
			}
			try (PreparedStatement s = connection.prepareStatement("insert into activity_first_days (account_id, "
					+ "event, first_day) select x.a, x.e, x.d from unnest(?::bigint[], ?::varchar[], ?::date[]) "
					+ "x (a, e, d) where not exists (select 1 from activity_first_days f where f.account_id = x.a "
					+ "and f.event = x.e and f.first_day <= x.d) "
					+ "on conflict (account_id, event) do update set first_day = excluded.first_day "
					+ "where activity_first_days.first_day > excluded.first_day")) {
				s.setArray(1, connection.createArrayOf("bigint", accounts));
				s.setArray(2, connection.createArrayOf("varchar", events));
				s.setArray(3, connection.createArrayOf("date", days));
				s.executeUpdate();
			}
			// people: inserted or moved earlier come back, and only their periods may need the new first day
			List<Who> moved = new ArrayList<>();
			try (PreparedStatement s = connection.prepareStatement("insert into activity_cohort_people (lvl, "
					+ "account_id, user_key, first_day) select x.l, x.a, x.u, x.d from unnest(?::varchar[], "
					+ "?::bigint[], ?::varchar[], ?::date[]) x (l, a, u, d) where not exists (select 1 from "
					+ "activity_cohort_people p where p.lvl = x.l and p.account_id = x.a and p.user_key = x.u "
					+ "and p.first_day <= x.d) "
					+ "on conflict (lvl, account_id, user_key) do update set first_day = excluded.first_day "
					+ "where activity_cohort_people.first_day > excluded.first_day "
					// xmax is 0 for a row this statement inserted: a new person has no periods to correct yet
					+ "returning lvl, account_id, user_key, xmax = 0")) {
				setWho(s, firsts.keySet());
				s.setArray(4, connection.createArrayOf("date",
						firsts.values().stream().map(Date::valueOf).toArray(Date[]::new)));
				try (var rs = s.executeQuery()) {
					while (rs.next()) {
						if (!rs.getBoolean(4)) {
							moved.add(new Who(rs.getString(1), rs.getLong(2), rs.getString(3)));
						}
					}
				}
			}
			List<Who> periodWho = periods.stream().map(Period::who).toList();
			try (PreparedStatement s = connection.prepareStatement("insert into activity_active_periods (lvl, unit, "
					+ "account_id, user_key, period_start, first_day) select x.lvl, x.unit, x.account_id, x.user_key, "
					+ "x.period_start, p.first_day from unnest(?::varchar[], ?::bigint[], ?::varchar[], ?::varchar[], "
					+ "?::date[]) x (lvl, account_id, user_key, unit, period_start) join activity_cohort_people p on "
					+ "p.lvl = x.lvl and p.account_id = x.account_id and p.user_key = x.user_key "
					+ "on conflict do nothing")) {
				setWho(s, periodWho);
				s.setArray(4, connection.createArrayOf("varchar", periods.stream().map(Period::unit).toArray()));
				s.setArray(5, connection.createArrayOf("date",
						periods.stream().map(p -> Date.valueOf(p.start())).toArray()));
				s.executeUpdate();
			}
			if (moved.isEmpty()) {
				return;
			}
			// One statement per person, its key given as values: a join with the people's rows here let the planner
			// take the (lvl, unit, period_start) index and read every period of the level for each person while the
			// tables' statistics were those of their first, empty, day (3 s for 300 people; 2 ms each this way).
			try (PreparedStatement s = connection.prepareStatement("update activity_active_periods set first_day = ? "
					+ "where lvl = ? and unit in ('W', 'M') and account_id = ? and user_key = ? and first_day <> ?")) {
				for (Who who : moved) {
					Date first = Date.valueOf(firsts.get(who));
					s.setDate(1, first);
					s.setString(2, who.level());
					s.setLong(3, who.accountId());
					s.setString(4, who.userKey());
					s.setDate(5, first);
					s.addBatch();
				}
				s.executeBatch();
			}
		}

		/** Months are or-ed into the row; a row whose months do not change is not written again. */
		void write(Map<UsageMonth, Long> months) throws SQLException {
			if (months.isEmpty()) {
				return;
			}
			List<UsageMonth> rows = List.copyOf(months.keySet());
			try (PreparedStatement s = connection.prepareStatement("insert into activity_usage_months (lvl, era, "
					+ "event, account_id, user_key, months) select x.l, x.r, x.e, x.a, x.u, x.m from unnest("
					+ "?::varchar[], ?::int[], ?::varchar[], ?::bigint[], ?::varchar[], ?::bigint[]) "
					+ "x (l, r, e, a, u, m) where not exists (select 1 from activity_usage_months m "
					+ "where m.lvl = x.l and m.era = x.r and m.event = x.e "
					+ "and m.account_id = x.a and m.user_key = x.u and m.months | x.m = m.months) "
					+ "on conflict (lvl, era, event, account_id, user_key) do "
					+ "update set months = activity_usage_months.months | excluded.months "
					+ "where activity_usage_months.months | excluded.months <> activity_usage_months.months")) {
				s.setArray(1, connection.createArrayOf("varchar", rows.stream().map(UsageMonth::level).toArray()));
				s.setArray(2, connection.createArrayOf("integer", rows.stream().map(UsageMonth::era).toArray()));
				s.setArray(3, connection.createArrayOf("varchar", rows.stream().map(UsageMonth::event).toArray()));
				s.setArray(4, connection.createArrayOf("bigint", rows.stream().map(UsageMonth::accountId).toArray()));
				s.setArray(5, connection.createArrayOf("varchar", rows.stream().map(UsageMonth::userKey).toArray()));
				s.setArray(6, connection.createArrayOf("bigint", months.values().toArray()));
				s.executeUpdate();
			}
		}

		private void setWho(PreparedStatement s, java.util.Collection<Who> whos) throws SQLException {
			s.setArray(1, connection.createArrayOf("varchar", whos.stream().map(Who::level).toArray()));
			s.setArray(2, connection.createArrayOf("bigint", whos.stream().map(Who::accountId).toArray()));
			s.setArray(3, connection.createArrayOf("varchar", whos.stream().map(Who::userKey).toArray()));
		}
	}

	/** Elsewhere (H2): a JDBC batch of {@code merge} per table, then the periods of everyone in the batch. */
	private static final class Standard {

		private final Connection connection;

		Standard(Connection connection) {
			this.connection = connection;
		}

		void write(Map<String, LocalDate> firstDays, Map<Who, LocalDate> firsts, TreeSet<Period> periods)
				throws SQLException {
			// merges and inserts of what is missing, run again for rows another transaction inserted meanwhile
			MergeBatch.run(connection, "merge into activity_first_days t using (values (cast(? as bigint), "
					+ "cast(? as varchar(200)), cast(? as date))) x (account_id, event, first_day) on t.account_id = "
					+ "x.account_id and t.event = x.event when matched and t.first_day > x.first_day then update set "
					+ "first_day = x.first_day when not matched then insert (account_id, event, first_day) values "
					+ "(x.account_id, x.event, x.first_day)", List.copyOf(firstDays.entrySet()), (s, e) -> {
						int tab = e.getKey().indexOf('\t');
						s.setLong(1, Long.parseLong(e.getKey().substring(0, tab)));
						s.setString(2, e.getKey().substring(tab + 1));
						s.setDate(3, Date.valueOf(e.getValue()));
					});
			MergeBatch.run(connection, "merge into activity_cohort_people t using (values (cast(? as char(1)), "
					+ "cast(? as bigint), cast(? as varchar(260)), cast(? as date))) x (lvl, account_id, user_key, "
					+ "first_day) on t.lvl = x.lvl and t.account_id = x.account_id and t.user_key = x.user_key when "
					+ "matched and t.first_day > x.first_day then update set first_day = x.first_day when not matched "
					+ "then insert (lvl, account_id, user_key, first_day) values (x.lvl, x.account_id, x.user_key, "
					+ "x.first_day)", List.copyOf(firsts.entrySet()), (s, e) -> {
						setWho(s, e.getKey(), 1);
						s.setDate(4, Date.valueOf(e.getValue()));
					});
			MergeBatch.run(connection, "insert into activity_active_periods (lvl, unit, account_id, user_key, "
					+ "period_start, first_day) select p.lvl, ?, p.account_id, p.user_key, ?, p.first_day from "
					+ "activity_cohort_people p where p.lvl = ? and p.account_id = ? and p.user_key = ? and not exists "
					+ "(select 1 from activity_active_periods a where a.lvl = p.lvl and a.unit = ? and a.account_id = "
					+ "p.account_id and a.user_key = p.user_key and a.period_start = ?)", List.copyOf(periods),
					(s, period) -> {
						s.setString(1, period.unit());
						s.setDate(2, Date.valueOf(period.start()));
						setWho(s, period.who(), 3);
						s.setString(6, period.unit());
						s.setDate(7, Date.valueOf(period.start()));
					});
			try (PreparedStatement s = connection.prepareStatement("update activity_active_periods a set first_day = "
					+ "(select p.first_day from activity_cohort_people p where p.lvl = a.lvl and p.account_id = "
					+ "a.account_id and p.user_key = a.user_key) where a.lvl = ? and a.unit = ? and a.account_id = ? "
					+ "and a.user_key = ? and a.first_day > ?")) {
				// the unit is named so that the primary key (lvl, unit, account_id, user_key, …) finds the rows
				for (Map.Entry<Who, LocalDate> e : firsts.entrySet()) {
					for (String unit : List.of("W", "M")) {
						s.setString(1, e.getKey().level());
						s.setString(2, unit);
						s.setLong(3, e.getKey().accountId());
						s.setString(4, e.getKey().userKey());
						s.setDate(5, Date.valueOf(e.getValue()));
						s.addBatch();
					}
				}
				s.executeBatch();
			}
		}

		void write(Map<UsageMonth, Long> months) throws SQLException {
			MergeBatch.run(connection, "merge into activity_usage_months t using (values (cast(? as char(1)), "
					+ "cast(? as int), cast(? as varchar(200)), cast(? as bigint), cast(? as varchar(260)), "
					+ "cast(? as bigint))) x (lvl, era, event, account_id, user_key, months) on t.lvl = x.lvl and "
					+ "t.era = x.era and t.event = x.event and t.account_id = x.account_id and t.user_key = x.user_key "
					+ "when matched and bitor(t.months, x.months) <> t.months then update set months = "
					+ "bitor(t.months, x.months) when not matched then insert (lvl, era, event, account_id, user_key, "
					+ "months) values (x.lvl, x.era, x.event, x.account_id, x.user_key, x.months)",
					List.copyOf(months.entrySet()), (s, e) -> {
						UsageMonth row = e.getKey();
						s.setString(1, row.level());
						s.setInt(2, row.era());
						s.setString(3, row.event());
						s.setLong(4, row.accountId());
						s.setString(5, row.userKey());
						s.setLong(6, e.getValue());
					});
		}

		private static void setWho(PreparedStatement s, Who who, int from) throws SQLException {
			s.setString(from, who.level());
			s.setLong(from + 1, who.accountId());
			s.setString(from + 2, who.userKey());
		}
	}
}
