package io.rapport.activity.internal;

import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.rapport.activity.ContactActivity;
import io.rapport.activity.DailyUsage;
import io.rapport.activity.PersonDay;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads the rollups of one account: the per-person rows of a day and event add up to its count and duration, and
 * their number is its distinct users (rows of facts with no person behind them are not users).
 */
@Service
public class UsageReader {

	private final JdbcTemplate jdbc;

	UsageReader(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
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
