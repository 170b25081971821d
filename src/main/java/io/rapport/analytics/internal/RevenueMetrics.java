package io.rapport.analytics.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.rapport.analytics.internal.MonthlyMrr.Flow;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The revenue metrics as docs/metrics.md defines them, from the month-end MRR of the read model. Every answer starts
 * with what it covers ({@code from, to, period, currency, timeZone}, the filters, currencies left out for want of a
 * rate) and names, in {@code tooLittleData}, each rate it left empty because too few accounts were behind it.
 */
@Component
@Transactional(readOnly = true)
class RevenueMetrics {

	/** A rate over fewer accounts than this says "too little data" instead of a misleading percentage. */
	static final int MIN_ACCOUNTS = 5;

	private final JdbcTemplate jdbc;

	private final MetricSettings settings;

	private final AccountFilter filter;

	private final Clock clock;

	RevenueMetrics(JdbcTemplate jdbc, MetricSettings settings, AccountFilter filter, Clock clock) {
		this.jdbc = jdbc;
		this.settings = settings;
		this.filter = filter;
		this.clock = clock;
	}

	/** The settings and the month that holds now in the company's time zone (the default last month). */
	YearMonth thisMonth() {
		return settings.settings().monthOf(clock.instant());
	}

	RevenueSettings settings() {
		return settings.settings();
	}

	/** The plans that ever had MRR, for the plan filter. */
	List<String> plans() {
		return jdbc.queryForList("select distinct plan from analytics_mrr_segments order by plan", String.class);
	}

	/** MRR and its movements: the months summed per period, and in total. */
	Map<String, Object> mrr(MetricsQuery q) {
		MonthlyMrr data = load(q);
		List<Map<String, Object>> rows = new ArrayList<>();
		for (List<Integer> bucket : buckets(q, data)) {
			rows.add(Fields.mrr(q.period().key(q.period().startOf(data.month(bucket.get(0)))),
					months(data, bucket.get(0), bucket.get(bucket.size() - 1))));
		}
		return answer(q, data, "mrr", Fields.mrr(null, months(data, 1, data.size() - 1)), rows);
	}

	/** Logo and revenue churn, GRR and NRR: the accounts paying at the start of each period, followed to its end. */
	Map<String, Object> churn(MetricsQuery q, String kind) {
		MonthlyMrr data = load(q);
		List<Map<String, Object>> rows = new ArrayList<>();
		for (List<Integer> bucket : buckets(q, data)) {
			Flow f = data.step(bucket.get(0) - 1, bucket.get(bucket.size() - 1));
			rows.add(Fields.churn(q.period().key(q.period().startOf(data.month(bucket.get(0)))), f));
		}
		return answer(q, data, kind, Fields.churn(null, data.step(0, data.size() - 1)), rows);
	}

	/** ARPA and customer lifetime value, simple and churn-based, from the monthly churn of the months asked. */
	Map<String, Object> clv(MetricsQuery q) {
		MonthlyMrr data = load(q);
		return answer(q, data, "clv", Fields.clv(monthly(data), data.step(data.size() - 1, data.size() - 1),
				q.lifetimeMonths(), settings().grossMargin()), List.of());
	}

	/** CAC from the spend entered and the new accounts of the months, LTV:CAC and the months CAC takes to pay back. */
	Map<String, Object> ltvCac(MetricsQuery q) {
		MonthlyMrr data = load(q);
		Flow monthly = monthly(data);
		BigDecimal margin = settings().grossMargin();
		Map<String, Object> clv = Fields.clv(monthly, data.step(data.size() - 1, data.size() - 1), null, margin);
		ExchangeRates rates = settings.exchangeRates(settings().reportingCurrency());
		long spend = 0;
		List<String> entered = new ArrayList<>();
		for (MetricSettings.Spend s : settings.spend(q.from(), q.to())) {
			Long converted = rates.convert(s.amountCents(), s.currency(), s.month());
			if (converted != null) {
				spend += converted;
				entered.add(s.month().toString());
			}
		}
		List<String> without = q.months().stream().map(YearMonth::toString).filter(m -> !entered.contains(m)).toList();
		Map<String, Object> answer = answer(q, data, "ltv-cac",
				Fields.ltvCac(spend, entered.size(), without, monthly, (Long) clv.get("churnBasedClvCents"), margin),
				List.of());
		@SuppressWarnings("unchecked")
		Set<String> missing = (Set<String>) answer.get("missingRates");
		missing.addAll(rates.missing());
		return answer;
	}

	/** The months' steps added up: account-months at risk, lost, and the MRR behind them. */
	private static Flow monthly(MonthlyMrr data) {
		return summed(data, 1, data.size() - 1);
	}

	private MonthlyMrr load(MetricsQuery q) {
		RevenueSettings s = settings();
		Set<Long> owned = filter.kept(q.owner(), q.stage());
		return MonthlyMrr.load(jdbc, q, owned, settings.exchangeRates(s.reportingCurrency()));
	}

	/** The indexes (1..n) of the months of each period of the query, in order. */
	private static List<List<Integer>> buckets(MetricsQuery q, MonthlyMrr data) {
		Map<YearMonth, List<Integer>> byStart = new LinkedHashMap<>();
		for (int i = 1; i < data.size(); i++) {
			byStart.computeIfAbsent(q.period().startOf(data.month(i)), k -> new ArrayList<>()).add(i);
		}
		return new ArrayList<>(byStart.values());
	}

	private Map<String, Object> answer(MetricsQuery q, MonthlyMrr data, String metric, Map<String, Object> figures,
			List<Map<String, Object>> rows) {
		RevenueSettings s = settings();
		Map<String, Object> answer = new LinkedHashMap<>();
		answer.put("metric", metric);
		answer.put("from", q.from().toString());
		answer.put("to", q.to().toString());
		answer.put("period", q.period().param());
		answer.put("currency", s.reportingCurrency());
		answer.put("timeZone", s.zone().getId());
		answer.put("plan", q.plan());
		answer.put("owner", q.owner());
		answer.put("stage", q.stage() == null ? null : q.stage().name().toLowerCase(java.util.Locale.ROOT));
		answer.put("missingRates", new java.util.TreeSet<>(data.missingRates()));
		answer.putAll(figures);
		if (!"clv".equals(metric) && !"ltv-cac".equals(metric)) {
			answer.put("periods", rows);
		}
		return answer;
	}

	/**
	 * The monthly steps from month {@code first} to {@code last} added up; the start is the first month's (what was
	 * paid before the period), the end the last month's.
	 */
	private static Flow months(MonthlyMrr data, int first, int last) {
		Flow sum = summed(data, first, last);
		Flow start = data.step(first - 1, first);
		sum.accountsAtStart = start.accountsAtStart;
		sum.startingMrr = start.startingMrr;
		return sum;
	}

	/** Every monthly step from {@code first} to {@code last} added up, starts included (account-months at risk). */
	private static Flow summed(MonthlyMrr data, int first, int last) {
		Flow sum = new Flow();
		for (int i = first; i <= last; i++) {
			Flow f = data.step(i - 1, i);
			sum.accountsAtStart += f.accountsAtStart;
			sum.startingMrr += f.startingMrr;
			sum.payingAtEnd = f.payingAtEnd;
			sum.endingMrr = f.endingMrr;
			sum.newAccounts += f.newAccounts;
			sum.reactivatedAccounts += f.reactivatedAccounts;
			sum.expandedAccounts += f.expandedAccounts;
			sum.contractedAccounts += f.contractedAccounts;
			sum.churnedAccounts += f.churnedAccounts;
			sum.newMrr += f.newMrr;
			sum.reactivationMrr += f.reactivationMrr;
			sum.expansionMrr += f.expansionMrr;
			sum.contractionMrr += f.contractionMrr;
			sum.churnedMrr += f.churnedMrr;
		}
		return sum;
	}

	static Double fraction(long numerator, long denominator) {
		if (denominator == 0) {
			return null;
		}
		return BigDecimal.valueOf(numerator).divide(BigDecimal.valueOf(denominator), 4, RoundingMode.HALF_UP)
			.doubleValue();
	}
}
