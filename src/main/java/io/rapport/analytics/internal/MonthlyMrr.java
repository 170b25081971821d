package io.rapport.analytics.internal;

import java.sql.Date;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Month-end MRR per account over the months of a query and the one before them (index 0), in each subscription's
 * currency, and the first month each account ever paid. Values are converted on the way out: a comparison of two
 * months uses one month's rates for both (constant currency), so a moving exchange rate is never counted as
 * expansion or contraction.
 */
final class MonthlyMrr {

	private final List<YearMonth> months;

	private final Map<Long, Map<String, long[]>> mrr = new HashMap<>();

	private final Map<Long, YearMonth> firstPaid = new HashMap<>();

	/** Steps already walked, by {@code a * size + b}: a metric asks for the same month's step several times. */
	private final Map<Integer, Flow> steps = new HashMap<>();

	private final ExchangeRates rates;

	private MonthlyMrr(List<YearMonth> months, ExchangeRates rates) {
		this.months = months;
		this.rates = rates;
	}

	/** Reads the segments that overlap the months, of one plan and of some accounts when asked (null: all). */
	static MonthlyMrr load(JdbcTemplate jdbc, MetricsQuery q, Set<Long> accounts, ExchangeRates rates) {
		List<YearMonth> months = new ArrayList<>();
		months.add(q.from().minusMonths(1));
		months.addAll(q.months());
		MonthlyMrr result = new MonthlyMrr(months, rates);
		LocalDate first = months.get(0).atDay(1);
		LocalDate last = q.to().atDay(1);
		String plan = q.plan() == null ? "" : " and plan = ?";
		Object[] args = q.plan() == null ? new Object[] { Date.valueOf(last), Date.valueOf(first) }
				: new Object[] { Date.valueOf(last), Date.valueOf(first), q.plan() };
		jdbc.query("select account_id, currency, from_month, until_month, mrr_cents from analytics_mrr_segments"
				+ " where from_month <= ? and (until_month is null or until_month > ?)" + plan, rs -> {
					long account = rs.getLong(1);
					if (accounts != null && !accounts.contains(account)) {
						return;
					}
					YearMonth from = YearMonth.from(rs.getDate(3).toLocalDate());
					Date until = rs.getDate(4);
					YearMonth end = until == null ? null : YearMonth.from(until.toLocalDate());
					long[] values = result.mrr.computeIfAbsent(account, k -> new HashMap<>())
						.computeIfAbsent(rs.getString(2).strip(), k -> new long[months.size()]);
					for (int i = 0; i < months.size(); i++) {
						YearMonth m = months.get(i);
						if (!m.isBefore(from) && (end == null || m.isBefore(end))) {
							values[i] += rs.getLong(5);
						}
					}
				}, args);
		Object[] firstArgs = q.plan() == null ? new Object[] { Date.valueOf(last) }
				: new Object[] { Date.valueOf(last), q.plan() };
		jdbc.query("select account_id, min(from_month) from analytics_mrr_segments where from_month <= ?" + plan
				+ " group by account_id", rs -> {
					if (result.mrr.containsKey(rs.getLong(1))) {
						result.firstPaid.put(rs.getLong(1), YearMonth.from(rs.getDate(2).toLocalDate()));
					}
				}, firstArgs);
		return result;
	}

	int size() {
		return months.size();
	}

	YearMonth month(int index) {
		return months.get(index);
	}

	Set<String> missingRates() {
		return rates.missing();
	}

	/** The account's MRR at the end of month {@code index} at the rates of month {@code rateIndex}. */
	long value(long account, int index, int rateIndex) {
		long total = 0;
		for (Map.Entry<String, long[]> e : mrr.getOrDefault(account, Map.of()).entrySet()) {
			Long converted = rates.convert(e.getValue()[index], e.getKey(), months.get(rateIndex));
			total += converted == null ? 0 : converted;
		}
		return total;
	}

	/**
	 * What happened between the end of month {@code a} and the end of month {@code b} (a before b), account by
	 * account, at month {@code b}'s rates: an account paying at both ends grew or shrank, one paying only at the end
	 * is new (its first paid month is after {@code a}) or reactivated, one paying only at the start churned. Each
	 * step walks every account once per query; a step asked for again is a copy of the first answer.
	 */
	Flow step(int a, int b) {
		return steps.computeIfAbsent(a * months.size() + b, k -> walk(a, b)).copy();
	}

	private Flow walk(int a, int b) {
		Flow f = new Flow();
		YearMonth start = months.get(a);
		for (long account : mrr.keySet()) {
			long p = value(account, a, b);
			long c = value(account, b, b);
			if (p > 0) {
				f.accountsAtStart++;
				f.startingMrr += p;
			}
			if (c > 0) {
				f.payingAtEnd++;
				f.endingMrr += c;
			}
			if (p == 0 && c > 0) {
				YearMonth paid = firstPaid.get(account);
				if (paid == null || paid.isAfter(start)) {
					f.newAccounts++;
					f.newMrr += c;
				}
				else {
					f.reactivatedAccounts++;
					f.reactivationMrr += c;
				}
			}
			else if (p > 0 && c == 0) {
				f.churnedAccounts++;
				f.churnedMrr += p;
			}
			else if (c > p && p > 0) {
				f.expandedAccounts++;
				f.expansionMrr += c - p;
			}
			else if (c < p && c > 0) {
				f.contractedAccounts++;
				f.contractionMrr += p - c;
			}
		}
		return f;
	}

	/** The counts and sums of one step, and of several added up (months of a quarter). */
	static final class Flow {

		long accountsAtStart;

		long payingAtEnd;

		long newAccounts;

		long reactivatedAccounts;

		long expandedAccounts;

		long contractedAccounts;

		long churnedAccounts;

		long startingMrr;

		long endingMrr;

		long newMrr;

		long reactivationMrr;

		long expansionMrr;

		long contractionMrr;

		long churnedMrr;

		Flow copy() {
			Flow f = new Flow();
			f.accountsAtStart = accountsAtStart;
			f.payingAtEnd = payingAtEnd;
			f.newAccounts = newAccounts;
			f.reactivatedAccounts = reactivatedAccounts;
			f.expandedAccounts = expandedAccounts;
			f.contractedAccounts = contractedAccounts;
			f.churnedAccounts = churnedAccounts;
			f.startingMrr = startingMrr;
			f.endingMrr = endingMrr;
			f.newMrr = newMrr;
			f.reactivationMrr = reactivationMrr;
			f.expansionMrr = expansionMrr;
			f.contractionMrr = contractionMrr;
			f.churnedMrr = churnedMrr;
			return f;
		}

		long netNew() {
			return newMrr + reactivationMrr + expansionMrr - contractionMrr - churnedMrr;
		}
	}
}
