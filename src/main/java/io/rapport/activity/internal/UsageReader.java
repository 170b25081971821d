package io.rapport.activity.internal;

import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeSet;

import io.rapport.activity.Adoption;
import io.rapport.activity.ContactActivity;
import io.rapport.activity.DailyUsage;
import io.rapport.activity.PersonDay;
import io.rapport.activity.UsageTotals;
import io.rapport.shared.Database;

import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads the rollups of one account: the per-person rows of a day and event add up to its count and duration, and
 * their number is its distinct users (rows of facts with no person behind them are not users).
 */
@Service
public class UsageReader {

	private final JdbcTemplate jdbc;

	private final Database database;

	private final MonthlyAdoption monthly;

	UsageReader(JdbcTemplate jdbc, Database database, MonthlyAdoption monthly) {
		this.jdbc = jdbc;
		this.database = database;
		this.monthly = monthly;
	}

	@Transactional(readOnly = true)
	public List<DailyUsage> daily(long accountId, LocalDate from, LocalDate to, String event) {
		List<Object> args = new ArrayList<>(List.of(accountId, Date.valueOf(from), Date.valueOf(to)));
		String filter = "";
		if (event != null) {
			filter = " and event = ?";
			args.add(event);
		}
		return jdbc.query("select usage_day, event, sum(event_count), sum(case when user_key = '' then 0 else 1 end), "
				+ "sum(duration_seconds) from activity_daily where account_id = ? and usage_day between ? and ?" + filter
				+ " group by usage_day, event order by usage_day, event",
				(rs, n) -> new DailyUsage(rs.getDate(1).toLocalDate(), rs.getString(2), rs.getLong(3), rs.getLong(4),
						rs.getLong(5)), args.toArray());
	}

	/**
	 * Sums per account and event, and distinct people per account, in one statement: the database groups, so a
	 * thousand accounts' window costs one pass over their rollup rows and answers at most a row per account and event.
	 */
	@Transactional(readOnly = true)
	public Map<Long, UsageTotals> totals(long fromAccountId, long toAccountId, LocalDate from, LocalDate to) {
		Map<Long, long[]> users = new HashMap<>();
		Map<Long, Map<String, UsageTotals.EventTotals>> events = new HashMap<>();
		Object[] args = { fromAccountId, toAccountId, Date.valueOf(from), Date.valueOf(to) };
		String where = " from activity_daily where account_id between ? and ? and usage_day between ? and ?";
		jdbc.query("select account_id, event, sum(event_count), count(distinct case when user_key = '' then null "
				+ "else user_key end), sum(duration_seconds)" + where + " group by account_id, event", rs -> {
					events.computeIfAbsent(rs.getLong(1), id -> new HashMap<>()).put(rs.getString(2),
							new UsageTotals.EventTotals(rs.getLong(3), rs.getLong(4), rs.getLong(5)));
				}, args);
		jdbc.query("select account_id, count(distinct case when user_key = '' then null else user_key end)" + where
				+ " group by account_id", rs -> {
					users.put(rs.getLong(1), new long[] { rs.getLong(2) });
				}, args);
		Map<Long, UsageTotals> totals = new HashMap<>();
		events.forEach((account, byEvent) -> totals.put(account, new UsageTotals(account,
				users.getOrDefault(account, new long[1])[0], Map.copyOf(byEvent))));
		return totals;
	}

	/**
	 * The same sums for a list of accounts: each account's window is one seek of the rollups' primary key (account,
	 * day, ...), so the cost follows the window's rows, not the accounts' whole history as a range of account ids
	 * does (a 30-day window over a year of rollups reads a twelfth of them). PostgreSQL: {@code account_id =
	 * any(array)}; H2: a join with the array as a table.
	 */
	@Transactional(readOnly = true)
	public Map<Long, UsageTotals> totals(Collection<Long> accountIds, LocalDate from, LocalDate to) {
		Map<Long, UsageTotals> totals = new HashMap<>();
		if (accountIds.isEmpty()) {
			return totals;
		}
		Long[] ids = accountIds.toArray(Long[]::new);
		String rows = database.postgres()
				? " from activity_daily d where d.account_id = any(?) and d.usage_day between ? and ?"
				: " from table(id bigint = ?) i join activity_daily d on d.account_id = i.id where d.usage_day between ? "
						+ "and ?";
		Map<Long, Long> users = new HashMap<>();
		Map<Long, Map<String, UsageTotals.EventTotals>> events = new HashMap<>();
		query("select d.account_id, d.event, sum(d.event_count), count(distinct case when d.user_key = '' then null "
				+ "else d.user_key end), sum(d.duration_seconds)" + rows + " group by d.account_id, d.event", ids, from,
				to, rs -> events.computeIfAbsent(rs.getLong(1), id -> new HashMap<>()).put(rs.getString(2),
						new UsageTotals.EventTotals(rs.getLong(3), rs.getLong(4), rs.getLong(5))));
		query("select d.account_id, count(distinct case when d.user_key = '' then null else d.user_key end)" + rows
				+ " group by d.account_id", ids, from, to, rs -> users.put(rs.getLong(1), rs.getLong(2)));
		events.forEach((account, byEvent) -> totals.put(account,
				new UsageTotals(account, users.getOrDefault(account, 0L), Map.copyOf(byEvent))));
		return totals;
	}

	private void query(String sql, Long[] ids, LocalDate from, LocalDate to, RowCallbackHandler handler) {
		jdbc.execute((ConnectionCallback<Void>) connection -> {
			try (var statement = connection.prepareStatement(sql)) {
				statement.setArray(1, connection.createArrayOf("bigint", ids));
				statement.setDate(2, Date.valueOf(from));
				statement.setDate(3, Date.valueOf(to));
				try (var rs = statement.executeQuery()) {
					while (rs.next()) {
						handler.processRow(rs);
					}
				}
			}
			return null;
		});
	}

	/**
	 * Distinct people (user keys within an account) or accounts active in the window, and those using the features.
	 * A window of whole months counts rows of the monthly read model ({@link MonthlyAdoption}); any other window is
	 * one grouped pass over its daily rollups.
	 */
	@Transactional(readOnly = true)
	public Adoption adoption(LocalDate from, LocalDate to, Set<String> features, boolean byAccount) {
		OptionalLong months = UsageMonths.wholeMonths(from, to);
		return months.isPresent() ? monthly.adoption(UsageMonths.era(from), months.getAsLong(), features, byAccount)
				: adoptionFromRollups(from, to, features, byAccount);
	}

	/** {@link #adoption} read from the window's daily rollups, whatever the window (tests compare the two). */
	Adoption adoptionFromRollups(LocalDate from, LocalDate to, Set<String> features, boolean byAccount) {
		String who = byAccount ? "account_id" : "account_id, user_key";
		String people = byAccount ? "" : " and user_key <> ''";
		List<String> sorted = new ArrayList<>(new TreeSet<>(features));
		List<Object> args = new ArrayList<>();
		StringBuilder flags = new StringBuilder();
		StringBuilder sums = new StringBuilder("count(*)");
		if (!sorted.isEmpty()) {
			flags.append(", max(case when event in (").append(String.join(", ", sorted.stream().map(f -> "?").toList()))
				.append(") then 1 else 0 end) f");
			args.addAll(sorted);
			sums.append(", sum(f)");
		}
		for (int i = 0; i < sorted.size(); i++) {
			flags.append(", max(case when event = ? then 1 else 0 end) f").append(i);
			args.add(sorted.get(i));
			sums.append(", sum(f").append(i).append(")");
		}
		args.add(Date.valueOf(from));
		args.add(Date.valueOf(to));
		Map<String, Long> byFeature = new LinkedHashMap<>();
		long[] totals = new long[2];
		jdbc.query("select " + sums + " from (select " + who + flags + " from activity_daily where usage_day between ? "
				+ "and ?" + people + " group by " + who + ") x", rs -> {
					totals[0] = rs.getLong(1);
					if (!sorted.isEmpty()) {
						totals[1] = rs.getLong(2);
					}
					for (int i = 0; i < sorted.size(); i++) {
						byFeature.put(sorted.get(i), rs.getLong(3 + i));
					}
				}, args.toArray());
		return new Adoption(totals[0], totals[1], byFeature);
	}

	/**
	 * The first day each account did any of {@code events}: a grouped scan of the read model of each account's first
	 * day of each event ({@link CohortModel}), a row per account and event instead of a year of rollups.
	 */
	@Transactional(readOnly = true)
	public Map<Long, LocalDate> firstDays(Set<String> events) {
		Map<Long, LocalDate> first = new HashMap<>();
		if (events.isEmpty()) {
			return first;
		}
		Set<String> sorted = new TreeSet<>(events);
		String in = String.join(", ", sorted.stream().map(e -> "?").toList());
		jdbc.query("select account_id, min(first_day) from activity_first_days where event in (" + in + ")"
				+ " group by account_id", rs -> {
					first.put(rs.getLong(1), rs.getDate(2).toLocalDate());
				}, sorted.toArray());
		return first;
	}

	/** Distinct people active for the account between two days (both included). */
	@Transactional(readOnly = true)
	public long activePeople(long accountId, LocalDate from, LocalDate to) {
		Long count = jdbc.queryForObject("select count(distinct user_key) from activity_daily where account_id = ? "
				+ "and usage_day between ? and ? and user_key <> ''", Long.class, accountId, Date.valueOf(from),
				Date.valueOf(to));
		return count == null ? 0 : count;
	}

	@Transactional(readOnly = true)
	public List<PersonDay> personDays(long accountId, LocalDate from, LocalDate to) {
		return jdbc.query("select distinct usage_day, user_key from activity_daily where account_id = ? "
				+ "and usage_day between ? and ? and user_key <> '' order by usage_day",
				(rs, n) -> new PersonDay(rs.getDate(1).toLocalDate(), rs.getString(2)), accountId, Date.valueOf(from),
				Date.valueOf(to));
	}

	/** One grouped scan of the account's rollups of known contacts ({@code c:<id>} rows). */
	@Transactional(readOnly = true)
	public Map<Long, ContactActivity> contactActivity(long accountId) {
		Map<Long, ContactActivity> result = new HashMap<>();
		jdbc.query("select user_key, max(usage_day), max(case when event = 'Signed In' then usage_day end) "
				+ "from activity_daily where account_id = ? and user_key like 'c:%' group by user_key", rs -> {
					long contactId;
					try {
						contactId = Long.parseLong(rs.getString(1).substring(2));
					}
					catch (NumberFormatException notAContact) {
						return;
					}
					java.sql.Date signIn = rs.getDate(3);
					result.put(contactId, new ContactActivity(contactId, rs.getDate(2).toLocalDate(),
							signIn == null ? null : signIn.toLocalDate()));
				}, accountId);
		return result;
	}
}
