package io.rapport.analytics.internal;

import java.sql.Date;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import io.rapport.accounts.AccountView;
import io.rapport.accounts.AccountsApi;
import io.rapport.accounts.ContactView;
import io.rapport.activity.ActivityApi;
import io.rapport.activity.CohortCounts;
import io.rapport.activity.CohortMember;
import io.rapport.activity.CohortQuery;
import io.rapport.activity.CohortQuery.Unit;
import io.rapport.shared.InvalidInputException;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Cohort retention as PostHog defines it, at user and at account level (from the activity rollups through
 * {@link ActivityApi}), and revenue retention per monthly cohort of first paid month (from analytics' own MRR
 * segments). Rates are fractions of column 0; the weighted row is the cohort-size-weighted mean of the complete
 * cells of a column; a cell whose period has not ended today, in the company's time zone, is in progress.
 */
@Component
class RetentionMetric {

	static final int MAX_COLUMNS = 60;

	static final int MAX_COHORTS = 120;

	static final int MAX_MEMBERS = 100_000;

	private final ActivityApi activity;

	private final AccountsApi accounts;

	private final MetricSettings settings;

	private final JdbcTemplate jdbc;

	private final Clock clock;

	RetentionMetric(ActivityApi activity, AccountsApi accounts, MetricSettings settings, JdbcTemplate jdbc, Clock clock) {
		this.activity = activity;
		this.accounts = accounts;
		this.settings = settings;
		this.jdbc = jdbc;
		this.clock = clock;
	}

	enum Level {
		USERS, ACCOUNTS, REVENUE;

		String param() {
			return name().toLowerCase(Locale.ROOT);
		}
	}

	/** What a table asks for, parsed: {@code from} and {@code to} are the first days of the first and last cohort. */
	record Options(Level level, Unit unit, LocalDate from, LocalDate to, int columns, String startEvent,
			String returnEvent, boolean onOrAfter, boolean recurring, long repeats) {

		int cohorts() {
			int n = 0;
			for (LocalDate d = from; !d.isAfter(to); d = unit.plus(d, 1)) {
				n++;
			}
			return n;
		}

		String label(LocalDate start) {
			return unit == Unit.MONTH ? YearMonth.from(start).toString() : start.toString();
		}

		String mode() {
			return onOrAfter ? "onOrAfter" : "on";
		}

		String unitParam() {
			return unit.name().toLowerCase(Locale.ROOT);
		}

		/** The request parameters that ask for the same table (for links). */
		Map<String, Object> params() {
			Map<String, Object> p = new LinkedHashMap<>();
			p.put("level", level.param());
			p.put("period", unitParam());
			p.put("from", label(from));
			p.put("to", label(to));
			p.put("periods", columns);
			p.put("startEvent", startEvent == null ? "" : startEvent);
			p.put("returnEvent", returnEvent == null ? "" : returnEvent);
			p.put("mode", mode());
			p.put("recurring", recurring);
			p.put("repeats", repeats);
			return p;
		}

		CohortQuery query() {
			return new CohortQuery(level == Level.ACCOUNTS, unit, from, cohorts(), columns, startEvent, returnEvent,
					onOrAfter, recurring, repeats);
		}
	}

	LocalDate today() {
		return clock.instant().atZone(settings.settings().zone()).toLocalDate();
	}

	/** Reads the parameters; every bad one is refused naming it. */
	Options parse(String level, String period, String from, String to, String periods, String startEvent,
			String returnEvent, String mode, String recurring, String repeats) {
		Level l = choice(level, "level", Level.USERS, Level.values(), "errors.retention.level");
		Unit defaultUnit = l == Level.REVENUE ? Unit.MONTH : Unit.WEEK;
		Unit u = choice(period, "period", defaultUnit, Unit.values(), "errors.retention.period");
		if (l == Level.REVENUE && u != Unit.MONTH) {
			throw InvalidInputException.of("period", "errors.retention.revenueMonthly", period);
		}
		int columns = (int) number(periods, "periods", u == Unit.MONTH ? 12 : 8, 1, MAX_COLUMNS);
		LocalDate last = day(to, "to", u, u.startOf(today()));
		LocalDate first = day(from, "from", u, u.plus(last, -(columns - 1L)));
		if (first.isAfter(last)) {
			throw InvalidInputException.of("from", "errors.metrics.fromAfterTo", from, to);
		}
		if (u.plus(first, MAX_COHORTS).isBefore(u.plus(last, 1))) {
			throw InvalidInputException.of("to", "errors.retention.tooManyCohorts", MAX_COHORTS);
		}
		boolean onOrAfter;
		if (mode == null || mode.isBlank() || mode.strip().equals("on")) {
			onOrAfter = false;
		}
		else if (mode.strip().equalsIgnoreCase("onOrAfter")) {
			onOrAfter = true;
		}
		else {
			throw InvalidInputException.of("mode", "errors.retention.mode", mode);
		}
		boolean isRecurring;
		if (recurring == null || recurring.isBlank() || recurring.strip().equalsIgnoreCase("false")) {
			isRecurring = false;
		}
		else if (recurring.strip().equalsIgnoreCase("true")) {
			isRecurring = true;
		}
		else {
			throw InvalidInputException.of("recurring", "errors.retention.recurring", recurring);
		}
		long times = number(repeats, "repeats", 1, 1, 1000);
		return new Options(l, u, first, last, columns, event(startEvent, "startEvent"), event(returnEvent, "returnEvent"),
				onOrAfter, isRecurring, times);
	}

	/** The table: {@code {level, period, from, to, ..., cohorts, weighted, tooLittleData}}. */
	@Transactional(readOnly = true)
	Map<String, Object> table(Options o) {
		LocalDate today = today();
		Map<String, Object> m = new LinkedHashMap<>();
		m.put("metric", "retention");
		m.put("level", o.level().param());
		m.put("period", o.unitParam());
		m.put("from", o.label(o.from()));
		m.put("to", o.label(o.to()));
		m.put("startEvent", o.startEvent());
		m.put("returnEvent", o.returnEvent());
		m.put("mode", o.mode());
		m.put("recurring", o.recurring());
		m.put("repeats", o.repeats());
		m.put("columns", o.columns());
		m.put("timeZone", settings.settings().zone().getId());
		int cohorts = o.cohorts();
		long[] sizes;
		long[] weights;
		long[][] retained;
		long[][] paying = null;
		if (o.level() == Level.REVENUE) {
			Revenue r = revenue(o);
			sizes = r.accounts;
			weights = r.base;
			retained = r.mrr;
			paying = r.paying;
			m.put("currency", r.currency);
			m.put("missingRates", r.missing);
		}
		else {
			CohortCounts counts = activity.cohorts(o.query());
			sizes = counts.sizes();
			weights = sizes;
			retained = counts.retained();
		}
		List<String> tooLittle = new ArrayList<>();
		List<Map<String, Object>> rows = new ArrayList<>();
		long[] sumRetained = new long[o.columns()];
		long[] sumWeight = new long[o.columns()];
		long[] sumSize = new long[o.columns()];
		int[] counted = new int[o.columns()];
		for (int c = 0; c < cohorts; c++) {
			LocalDate start = o.unit().plus(o.from(), c);
			Map<String, Object> row = new LinkedHashMap<>();
			row.put("start", o.label(start));
			row.put("size", sizes[c]);
			if (o.level() == Level.REVENUE) {
				row.put("mrrCents", weights[c]);
			}
			if (start.isAfter(today)) {
				row.put("periods", List.of());
				rows.add(row);
				continue;
			}
			if (sizes[c] < RevenueMetrics.MIN_ACCOUNTS) {
				tooLittle.add(o.label(start));
			}
			List<Map<String, Object>> cells = new ArrayList<>();
			for (int n = 0; n < o.columns(); n++) {
				LocalDate cellStart = o.unit().plus(start, n);
				if (cellStart.isAfter(today)) {
					break;
				}
				boolean inProgress = o.unit().plus(cellStart, 1).isAfter(today);
				Map<String, Object> cell = new LinkedHashMap<>();
				cell.put("n", n);
				cell.put("retained", retained[c][n]);
				if (paying != null) {
					cell.put("accounts", paying[c][n]);
				}
				cell.put("rate", weights[c] == 0 ? null : RevenueMetrics.fraction(retained[c][n], weights[c]));
				cell.put("inProgress", inProgress);
				cells.add(cell);
				if (!inProgress && weights[c] > 0) {
					sumRetained[n] += retained[c][n];
					sumWeight[n] += weights[c];
					sumSize[n] += sizes[c];
					counted[n]++;
				}
			}
			row.put("periods", cells);
			rows.add(row);
		}
		List<Map<String, Object>> weighted = new ArrayList<>();
		for (int n = 0; n < o.columns(); n++) {
			boolean enough = sumSize[n] >= RevenueMetrics.MIN_ACCOUNTS;
			if (counted[n] > 0 && !enough) {
				tooLittle.add("weighted." + n);
			}
			Map<String, Object> w = new LinkedHashMap<>();
			w.put("n", n);
			w.put("rate", enough ? RevenueMetrics.fraction(sumRetained[n], sumWeight[n]) : null);
			w.put("cohorts", counted[n]);
			w.put("size", o.level() == Level.REVENUE ? sumWeight[n] : sumSize[n]);
			w.put("retained", sumRetained[n]);
			weighted.add(w);
		}
		m.put("cohorts", rows);
		m.put("weighted", weighted);
		m.put("tooLittleData", tooLittle);
		return m;
	}

	/** The members of one cell: {@code {members:[{id, name, accountId, accountName}], total}}, the first {@code limit}. */
	@Transactional(readOnly = true)
	Map<String, Object> members(Options o, String cohort, String column, String limit) {
		LocalDate start = day(cohort, "cohort", o.unit(), null);
		if (start == null) {
			throw InvalidInputException.of("cohort", "errors.retention.cohort", "");
		}
		if (start.isBefore(o.from()) || start.isAfter(o.to())) {
			throw InvalidInputException.of("cohort", "errors.retention.cohort", cohort);
		}
		int c = 0;
		for (LocalDate d = o.from(); d.isBefore(start); d = o.unit().plus(d, 1)) {
			c++;
		}
		int n = (int) number(column, "n", 0, 0, o.columns() - 1);
		int max = (int) number(limit, "limit", 1000, 1, MAX_MEMBERS);
		List<Map<String, Object>> list = new ArrayList<>();
		long total;
		if (o.level() == Level.REVENUE) {
			List<Long> ids = revenueMembers(start, n);
			total = ids.size();
			List<Long> shown = ids.subList(0, Math.min(max, ids.size()));
			Map<Long, AccountView> names = accounts.accounts(shown);
			for (long id : shown) {
				list.add(account(id, names));
			}
		}
		else {
			List<CohortMember> found = activity.cohortMembers(o.query(), c, n);
			total = found.size();
			List<CohortMember> shown = found.subList(0, Math.min(max, found.size()));
			Map<Long, AccountView> names = accounts.accounts(shown.stream().map(CohortMember::accountId)
				.collect(Collectors.toSet()));
			if (o.level() == Level.ACCOUNTS) {
				shown.forEach(member -> list.add(account(member.accountId(), names)));
			}
			else {
				Map<Long, ContactView> contacts = accounts.contacts(shown.stream().map(CohortMember::contactId)
					.filter(java.util.Objects::nonNull).collect(Collectors.toSet()));
				for (CohortMember member : shown) {
					Map<String, Object> row = new LinkedHashMap<>();
					ContactView contact = member.contactId() == null ? null : contacts.get(member.contactId());
					row.put("id", member.userKey());
					row.put("name", contact != null ? contact.name() : member.personId());
					row.put("accountId", member.accountId());
					AccountView account = names.get(member.accountId());
					row.put("accountName", account == null ? null : account.name());
					list.add(row);
				}
			}
		}
		Map<String, Object> m = new LinkedHashMap<>();
		m.put("level", o.level().param());
		m.put("cohort", o.label(start));
		m.put("n", n);
		m.put("mode", o.mode());
		m.put("members", list);
		m.put("total", total);
		return m;
	}

	private static Map<String, Object> account(long id, Map<Long, AccountView> names) {
		Map<String, Object> row = new LinkedHashMap<>();
		AccountView account = names.get(id);
		row.put("id", id);
		row.put("name", account == null ? null : account.name());
		row.put("accountId", id);
		row.put("accountName", account == null ? null : account.name());
		return row;
	}

	/** Month-end MRR of each monthly cohort of first paid month, in month 0 and the months after it. */
	private static final class Revenue {

		long[] accounts;

		long[] base;

		long[][] mrr;

		long[][] paying;

		String currency;

		Set<String> missing;
	}

	private Revenue revenue(Options o) {
		int cohorts = o.cohorts();
		int months = cohorts + o.columns() - 1;
		String reporting = settings.settings().reportingCurrency();
		ExchangeRates rates = settings.exchangeRates(reporting);
		// [cohort][month] -> currency -> cents
		List<List<Map<String, Long>>> sums = new ArrayList<>();
		for (int c = 0; c < cohorts; c++) {
			List<Map<String, Long>> row = new ArrayList<>();
			for (int k = 0; k < months; k++) {
				row.add(new HashMap<>());
			}
			sums.add(row);
		}
		Revenue r = new Revenue();
		r.accounts = new long[cohorts];
		r.base = new long[cohorts];
		r.mrr = new long[cohorts][o.columns()];
		r.paying = new long[cohorts][o.columns()];
		r.currency = reporting;
		String with = revenueWith(o, months);
		Object[] args = { Date.valueOf(o.from()), Date.valueOf(o.to()) };
		jdbc.query(with + "select f.first_month, m.m_day, s.currency, sum(s.mrr_cents) from firsts f"
				+ " join analytics_mrr_segments s on s.account_id = f.account_id join months m on s.from_month <= m.m_day"
				+ " and (s.until_month is null or s.until_month > m.m_day) where m.m_day >= f.first_month"
				+ " group by f.first_month, m.m_day, s.currency", rs -> {
					int c = monthsBetween(o.from(), rs.getDate(1).toLocalDate());
					int k = monthsBetween(o.from(), rs.getDate(2).toLocalDate());
					sums.get(c).get(k).merge(rs.getString(3).strip(), rs.getLong(4), Long::sum);
				}, args);
		jdbc.query(with + "select f.first_month, m.m_day, count(distinct f.account_id) from firsts f"
				+ " join analytics_mrr_segments s on s.account_id = f.account_id join months m on s.from_month <= m.m_day"
				+ " and (s.until_month is null or s.until_month > m.m_day) where m.m_day >= f.first_month"
				+ " and s.mrr_cents > 0 group by f.first_month, m.m_day", rs -> {
					int c = monthsBetween(o.from(), rs.getDate(1).toLocalDate());
					int n = monthsBetween(rs.getDate(1).toLocalDate(), rs.getDate(2).toLocalDate());
					if (n < o.columns()) {
						r.paying[c][n] = rs.getLong(3);
					}
				}, args);
		for (int c = 0; c < cohorts; c++) {
			r.accounts[c] = r.paying[c][0];
			YearMonth start = YearMonth.from(o.from()).plusMonths(c);
			r.base[c] = convert(sums.get(c).get(c), rates, start);
			for (int n = 0; n < o.columns(); n++) {
				// constant currency: month 0 and month N both at month N's rates, so a moving rate is no retention
				YearMonth month = start.plusMonths(n);
				long now = convert(sums.get(c).get(c + n), rates, month);
				long then = convert(sums.get(c).get(c), rates, month);
				r.mrr[c][n] = then == 0 || r.base[c] == 0 ? now : Math.round((double) now * r.base[c] / then);
			}
		}
		r.missing = new TreeSet<>(rates.missing());
		return r;
	}

	private static long convert(Map<String, Long> cents, ExchangeRates rates, YearMonth month) {
		long total = 0;
		for (Map.Entry<String, Long> e : cents.entrySet()) {
			Long converted = rates.convert(e.getValue(), e.getKey(), month);
			total += converted == null ? 0 : converted;
		}
		return total;
	}

	private List<Long> revenueMembers(LocalDate cohort, int n) {
		Options one = new Options(Level.REVENUE, Unit.MONTH, cohort, cohort, n + 1, null, null, false, false, 1);
		return jdbc.queryForList(revenueWith(one, n + 1) + "select distinct f.account_id from firsts f"
				+ " join analytics_mrr_segments s on s.account_id = f.account_id where s.mrr_cents > 0"
				+ " and s.from_month <= ? and (s.until_month is null or s.until_month > ?) order by 1", Long.class,
				Date.valueOf(cohort), Date.valueOf(cohort), Date.valueOf(cohort.plusMonths(n)),
				Date.valueOf(cohort.plusMonths(n)));
	}

	/** The accounts first paid in the cohorts' months (by a grouped min) and the months to read. */
	private static String revenueWith(Options o, int months) {
		StringBuilder values = new StringBuilder();
		for (int k = 0; k < months; k++) {
			values.append(k == 0 ? "" : ", ").append("(date '").append(o.from().plusMonths(k)).append("')");
		}
		return "with firsts as (select account_id, min(from_month) first_month from analytics_mrr_segments"
				+ " where mrr_cents > 0 group by account_id having min(from_month) between ? and ?), months (m_day) as (values "
				+ values + ") ";
	}

	private static int monthsBetween(LocalDate a, LocalDate b) {
		return (b.getYear() - a.getYear()) * 12 + b.getMonthValue() - a.getMonthValue();
	}

	private static <E extends Enum<E>> E choice(String value, String field, E otherwise, E[] values, String code) {
		if (value == null || value.isBlank()) {
			return otherwise;
		}
		for (E e : values) {
			if (e.name().equalsIgnoreCase(value.strip())) {
				return e;
			}
		}
		throw InvalidInputException.of(field, code, value);
	}

	private static long number(String value, String field, long otherwise, long min, long max) {
		if (value == null || value.isBlank()) {
			return otherwise;
		}
		try {
			long n = Long.parseLong(value.strip());
			if (n >= min && n <= max) {
				return n;
			}
		}
		catch (NumberFormatException e) {
			// refused below
		}
		throw InvalidInputException.of(field, "errors.retention.number", value, min, max);
	}

	private static String event(String value, String field) {
		if (value == null || value.isBlank()) {
			return null;
		}
		if (value.strip().length() > 200) {
			throw InvalidInputException.of(field, "errors.metrics.feature", value.strip().substring(0, 40));
		}
		return value.strip();
	}

	/** A day {@code yyyy-MM-dd} or a month {@code yyyy-MM}, as the first day of the period that holds it. */
	private static LocalDate day(String value, String field, Unit unit, LocalDate otherwise) {
		if (value == null || value.isBlank()) {
			return otherwise;
		}
		String text = value.strip();
		try {
			LocalDate d = text.length() == 7 ? YearMonth.parse(text).atDay(1) : LocalDate.parse(text);
			if (d.getYear() < 1970 || d.getYear() > 9000) {
				throw InvalidInputException.of(field, "errors.metrics.day", value);
			}
			return unit.startOf(d);
		}
		catch (DateTimeParseException e) {
			throw InvalidInputException.of(field, "errors.metrics.day", value);
		}
	}
}
