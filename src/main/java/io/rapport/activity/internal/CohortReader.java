package io.rapport.activity.internal;

import java.sql.Date;
import java.util.ArrayList;
import java.util.List;

import io.rapport.activity.CohortCounts;
import io.rapport.activity.CohortMember;
import io.rapport.activity.CohortQuery;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Cohort retention from the daily rollups in one grouped statement: the cohort of each person (or account) by a
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
		Sql sql = new Sql(q);
		long[] sizes = new long[q.cohorts()];
		long[][] retained = new long[q.cohorts()][q.columns()];
		String cells = q.onOrAfter()
				? "select c, m - c, count(*) from (select r.c, max(a.k) m from cohort r join act a on " + sql.join
						+ " and a.k > r.c and a.k < r.c + " + q.columns() + " group by " + sql.people("r") + ", r.c) x"
						+ " group by c, m - c"
				: "select r.c, a.k - r.c, count(*) from cohort r join act a on " + sql.join + " and a.k > r.c and a.k < r.c + "
						+ q.columns() + " group by r.c, a.k - r.c";
		jdbc.query(sql.with() + "select c, 0, count(*) from cohort group by c union all " + cells, rs -> {
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
		Sql sql = new Sql(q);
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

		Sql(CohortQuery q) {
			this.q = q;
			this.join = q.accounts() ? "a.account_id = r.account_id"
					: "a.account_id = r.account_id and a.user_key = r.user_key";
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
