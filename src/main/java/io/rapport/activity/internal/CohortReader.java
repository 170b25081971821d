package io.rapport.activity.internal;

import java.sql.Date;
import java.util.ArrayList;
import java.util.List;

import io.rapport.activity.CohortCounts;
import io.rapport.activity.CohortMember;
import io.rapport.activity.CohortQuery;
import io.rapport.shared.Database;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Cohort retention in one grouped statement. When any event counts once and periods are weeks or months, from the
 * weeks and months people were active ({@link CohortModel}: a row per person and period, their first day beside it);
 * otherwise from the daily rollups: the cohort of each person (or account) by a
 * grouped min of their start-event days (or, recurring, every period they did it), the periods they came back in
 * by a grouped sum of their return events (at least {@code repeats} of them), joined back on the person. Period
 * numbers are computed in SQL from the day (days since the first day, divided by 7 for weeks; months by year and
 * month), so the database groups the rows and Java only reads a row per cohort and column.
 */
@Service
public class CohortReader {

	private final JdbcTemplate jdbc;

	private final Database database;

	CohortReader(JdbcTemplate jdbc, Database database) {
		this.jdbc = jdbc;
		this.database = database;
	}

	@Transactional(readOnly = true)
	public CohortCounts counts(CohortQuery q) {
		return counts(q, modelAnswers(q));
	}

	/**
	 * Whether the weeks and months people were active answer the query: any event puts someone in a cohort and
	 * brings them back, once is enough, and the periods are weeks or months.
	 */
	static boolean modelAnswers(CohortQuery q) {
		return q.startEvent() == null && q.returnEvent() == null && q.repeats() == 1 && q.unit() != CohortQuery.Unit.DAY;
	}

	/** The table from the read model or (false) from the rollups, which must agree where the model answers. */
	CohortCounts counts(CohortQuery q, boolean fromModel) {
		Sql sql = new Sql(q, fromModel);
		long[] sizes = new long[q.cohorts()];
		long[][] retained = new long[q.cohorts()][q.columns()];
		String query = sql.fromModel() && !q.recurring() ? sql.modelCells()
				: sql.with() + "select c, 0, count(*) from cohort group by c union all " + sql.cells();
		jdbc.query(query, rs -> {
			int c = rs.getInt(1);
			int n = rs.getInt(2);
			if (c < 0 || c >= q.cohorts() || n < 0 || n >= q.columns()) {
				return;
			}
			if (n == 0) {
				sizes[c] = rs.getLong(3);
			}
			retained[c][n] += rs.getLong(3);
		}, sql.args().toArray());
		for (int c = 0; c < q.cohorts(); c++) {
			retained[c][0] = sizes[c];
			if (q.onOrAfter()) {
				// a row says "came back last in column d": retained in every column from 1 to d
				for (int n = q.columns() - 2; n >= 1; n--) {
					retained[c][n] += retained[c][n + 1];
				}
			}
		}
		return new CohortCounts(sizes, retained);
	}

	/** The members of cohort {@code cohort} retained in column {@code n} (0: the whole cohort), in id order. */
	@Transactional(readOnly = true)
	public List<CohortMember> members(CohortQuery q, int cohort, int n) {
		Sql sql = new Sql(q, modelAnswers(q));
		String select;
		if (n == 0) {
			select = "select " + sql.people("r") + " from cohort r where r.c = " + cohort;
		}
		else {
			String at = q.onOrAfter() ? " and a.k >= r.c + " + n + " and a.k < r.c + " + q.columns() : " and a.k = r.c + " + n;
			select = "select distinct " + sql.people("r") + " from cohort r join act a on " + sql.join + at
					+ " where r.c = " + cohort;
		}
		return jdbc.query(sql.with() + select + " order by 1" + (q.accounts() ? "" : ", 2"),
				(rs, i) -> new CohortMember(rs.getLong(1), q.accounts() ? null : rs.getString(2)), sql.args().toArray());
	}

	/** The common table expressions of a query and their arguments, in order. */
	private final class Sql {

		private final CohortQuery q;

		private final String join;

		private final List<Object> args = new ArrayList<>();

		private String with;

		private final boolean fromModel;

		Sql(CohortQuery q, boolean fromModel) {
			this.q = q;
			this.fromModel = fromModel;
			this.join = q.accounts() ? "a.account_id = r.account_id"
					: "a.account_id = r.account_id and a.user_key = r.user_key";
		}

		boolean fromModel() {
			return fromModel;
		}

		/** The retained cells joined from the cohort and act expressions of {@link #with}. */
		String cells() {
			return q.onOrAfter()
					? "select c, m - c, count(*) from (select r.c, max(a.k) m from cohort r join act a on " + join
							+ " and a.k > r.c and a.k < r.c + " + q.columns() + " group by " + people("r") + ", r.c) x"
							+ " group by c, m - c"
					: "select r.c, a.k - r.c, count(*) from cohort r join act a on " + join + " and a.k > r.c and a.k < r.c + "
							+ q.columns() + " group by r.c, a.k - r.c";
		}

		/**
		 * First-time cohorts from the active periods alone: each row carries its person's first day, so the sizes
		 * (column 0, the period of the first day) and the cells are one grouped scan with no join. On or after: each
		 * person's last column they came back in, from the same rows.
		 */
		String modelCells() {
			String c = "(" + period("first_day") + ")";
			String k = "(" + period("period_start") + ")";
			String rows = " from activity_active_periods where lvl = ? and unit = ? and first_day between ? and ?"
					+ " and period_start between ? and ?";
			Date first = Date.valueOf(q.firstDay());
			Date lastCohortDay = Date.valueOf(q.end(q.cohorts() - 1));
			Date lastDay = Date.valueOf(q.end(q.cohorts() + q.columns() - 2));
			args.addAll(List.of(level(), unit(), first, lastCohortDay, first, lastDay));
			if (!q.onOrAfter()) {
				return "select " + c + ", " + k + " - " + c + ", count(*)" + rows + " group by " + c + ", " + k + " - " + c;
			}
			args.addAll(List.of(level(), unit(), first, lastCohortDay, first, lastDay));
			return "select " + c + ", 0, count(*)" + rows + " and " + k + " = " + c + " group by " + c
					+ " union all select c, m - c, count(*) from (select min(" + c + ") c, max(" + k + ") m" + rows
					+ " and " + k + " > " + c + " and " + k + " < " + c + " + " + q.columns()
					+ " group by account_id, user_key, first_day) x group by c, m - c";
		}

		private String level() {
			return q.accounts() ? "A" : "U";
		}

		private String unit() {
			return q.unit() == CohortQuery.Unit.WEEK ? "W" : "M";
		}

		String people(String alias) {
			return q.accounts() ? alias + ".account_id" : alias + ".account_id, " + alias + ".user_key";
		}

		List<Object> args() {
			return args;
		}

		String with() {
			if (with != null) {
				return with;
			}
			if (fromModel()) {
				return modelWith();
			}
			String who = q.accounts() ? "account_id" : "account_id, user_key";
			String people = q.accounts() ? "1 = 1" : "user_key <> ''";
			Date first = Date.valueOf(q.firstDay());
			Date lastCohortDay = Date.valueOf(q.end(q.cohorts() - 1));
			Date lastDay = Date.valueOf(q.end(q.cohorts() + q.columns() - 2));
			String start = q.startEvent() == null ? "" : " and event = ?";
			String cohort;
			if (q.recurring()) {
				cohort = "cohort as (select distinct " + who + ", " + period("usage_day") + " c from activity_daily"
						+ " where " + people + start + " and usage_day between ? and ?)";
				addIfSet(q.startEvent());
				args.add(first);
				args.add(lastCohortDay);
			}
			else {
				cohort = "firsts as (select " + who + ", min(usage_day) first_day from activity_daily where " + people
						+ start + " group by " + who + " having min(usage_day) between ? and ?), cohort as (select "
						+ who + ", " + period("first_day") + " c from firsts)";
				addIfSet(q.startEvent());
				args.add(first);
				args.add(lastCohortDay);
			}
			String act = "act as (select " + who + ", " + period("usage_day") + " k from activity_daily where " + people
					+ (q.returnEvent() == null ? "" : " and event = ?") + " and usage_day between ? and ? group by "
					+ who + ", " + period("usage_day") + " having sum(event_count) >= ?)";
			addIfSet(q.returnEvent());
			args.add(first);
			args.add(lastDay);
			args.add(q.repeats());
			with = "with " + cohort + ", " + act + " ";
			return with;
		}

		/** The cohort and act expressions read from the active periods (and first days) instead of the rollups. */
		private String modelWith() {
			String who = q.accounts() ? "account_id" : "account_id, user_key";
			String periods = " from activity_active_periods where lvl = ? and unit = ? and period_start between ? and ?";
			Date first = Date.valueOf(q.firstDay());
			Date lastCohortDay = Date.valueOf(q.end(q.cohorts() - 1));
			Date lastDay = Date.valueOf(q.end(q.cohorts() + q.columns() - 2));
			String cohort;
			if (q.recurring()) {
				cohort = "cohort as (select " + who + ", " + period("period_start") + " c" + periods + ")";
				args.addAll(List.of(level(), unit(), first, lastCohortDay));
			}
			else {
				cohort = "cohort as (select " + who + ", " + period("first_day") + " c from activity_cohort_people"
						+ " where lvl = ? and first_day between ? and ?)";
				args.addAll(List.of(level(), first, lastCohortDay));
			}
			String act = "act as (select " + who + ", " + period("period_start") + " k" + periods + ")";
			args.addAll(List.of(level(), unit(), first, lastDay));
			with = "with " + cohort + ", " + act + " ";
			return with;
		}

		private void addIfSet(String event) {
			if (event != null) {
				args.add(event);
			}
		}

		/** The number of the period holding the day in {@code column}, counted from the first day (0). */
		private String period(String column) {
			String base = "date '" + q.firstDay() + "'";
			return switch (q.unit()) {
				case DAY -> days(column, base);
				case WEEK -> "(" + days(column, base) + ") / 7";
				case MONTH -> "cast(extract(year from " + column + ") * 12 + extract(month from " + column + ") as int) - "
						+ (q.firstDay().getYear() * 12 + q.firstDay().getMonthValue());
			};
		}

		private String days(String column, String base) {
			return database.postgres() ? "(" + column + " - " + base + ")" : "datediff('DAY', " + base + ", " + column + ")";
		}
	}
}
