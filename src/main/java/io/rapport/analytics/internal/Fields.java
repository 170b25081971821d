package io.rapport.analytics.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.rapport.analytics.internal.MonthlyMrr.Flow;

import static io.rapport.analytics.internal.RevenueMetrics.MIN_ACCOUNTS;
import static io.rapport.analytics.internal.RevenueMetrics.fraction;

/**
 * The fields of each metric's answer, named as the API documents them: money in minor units of the reporting
 * currency, rates as fractions with four decimals, each beside the count it is computed from. A rate over fewer
 * than {@link RevenueMetrics#MIN_ACCOUNTS} accounts is null and named in {@code tooLittleData}.
 */
final class Fields {

	/** The longest customer lifetime a CLV assumes, in months: a month without churn does not make it endless. */
	static final BigDecimal MAX_LIFETIME = BigDecimal.valueOf(120);

	private Fields() {
	}

	static Map<String, Object> mrr(String period, Flow f) {
		Map<String, Object> m = new LinkedHashMap<>();
		if (period != null) {
			m.put("period", period);
		}
		m.put("startingMrrCents", f.startingMrr);
		m.put("newMrrCents", f.newMrr);
		m.put("expansionMrrCents", f.expansionMrr);
		m.put("reactivationMrrCents", f.reactivationMrr);
		m.put("contractionMrrCents", f.contractionMrr);
		m.put("churnedMrrCents", f.churnedMrr);
		m.put("netNewMrrCents", f.netNew());
		m.put("endingMrrCents", f.endingMrr);
		m.put("currencyEffectCents", f.endingMrr - f.startingMrr - f.netNew());
		m.put("quickRatio", ratio(f.newMrr + f.expansionMrr, f.contractionMrr + f.churnedMrr));
		m.put("accountsAtStart", f.accountsAtStart);
		m.put("payingAccounts", f.payingAtEnd);
		m.put("newAccounts", f.newAccounts);
		m.put("expandedAccounts", f.expandedAccounts);
		m.put("reactivatedAccounts", f.reactivatedAccounts);
		m.put("contractedAccounts", f.contractedAccounts);
		m.put("churnedAccounts", f.churnedAccounts);
		m.put("tooLittleData", m.get("quickRatio") == null ? List.of("quickRatio") : List.of());
		return m;
	}

	static Map<String, Object> churn(String period, Flow f) {
		Map<String, Object> m = new LinkedHashMap<>();
		if (period != null) {
			m.put("period", period);
		}
		boolean enough = f.accountsAtStart >= MIN_ACCOUNTS;
		long lostMrr = f.churnedMrr + f.contractionMrr;
		long retained = f.startingMrr + f.expansionMrr - f.contractionMrr - f.churnedMrr;
		m.put("accountsAtStart", f.accountsAtStart);
		m.put("accountsLost", f.churnedAccounts);
		m.put("logoChurnRate", enough ? fraction(f.churnedAccounts, f.accountsAtStart) : null);
		m.put("startingMrrCents", f.startingMrr);
		m.put("churnedMrrCents", f.churnedMrr);
		m.put("contractionMrrCents", f.contractionMrr);
		m.put("expansionMrrCents", f.expansionMrr);
		m.put("retainedMrrCents", retained);
		Double gross = enough ? fraction(lostMrr, f.startingMrr) : null;
		m.put("grossRevenueChurnRate", gross);
		m.put("grossRevenueRetention", gross == null ? null : round4(1 - gross));
		m.put("netRevenueChurnRate", enough ? fraction(lostMrr - f.expansionMrr, f.startingMrr) : null);
		m.put("netRevenueRetention", enough ? fraction(retained, f.startingMrr) : null);
		m.put("newAccountsExcluded", f.newAccounts + f.reactivatedAccounts);
		m.put("tooLittleData", enough ? List.of() : List.of("logoChurnRate", "grossRevenueChurnRate",
				"grossRevenueRetention", "netRevenueChurnRate", "netRevenueRetention"));
		return m;
	}

	/**
	 * ARPA at the end of the months; lifetime 1 ÷ monthly logo churn (or as given), capped; churn-based CLV =
	 * ARPA × gross margin ÷ monthly revenue churn, its lifetime capped the same way.
	 */
	static Map<String, Object> clv(Flow monthly, Flow end, BigDecimal givenLifetime, BigDecimal margin) {
		Map<String, Object> m = new LinkedHashMap<>();
		List<String> missing = new ArrayList<>();
		long arpa = end.payingAtEnd == 0 ? 0 : BigDecimal.valueOf(end.endingMrr)
			.divide(BigDecimal.valueOf(end.payingAtEnd), 0, RoundingMode.HALF_UP).longValueExact();
		boolean enough = monthly.accountsAtStart >= MIN_ACCOUNTS;
		BigDecimal lifetime = givenLifetime != null ? givenLifetime
				: enough ? lifetime(monthly.accountsAtStart, monthly.churnedAccounts) : null;
		BigDecimal revenueLifetime = enough ? lifetime(monthly.startingMrr, monthly.churnedMrr + monthly.contractionMrr)
				: null;
		if (end.payingAtEnd == 0) {
			missing.add("arpaCents");
		}
		if (lifetime == null) {
			missing.add("lifetimeMonths");
		}
		if (revenueLifetime == null) {
			missing.add("churnBasedClvCents");
		}
		m.put("arpaCents", end.payingAtEnd == 0 ? null : arpa);
		m.put("payingAccounts", end.payingAtEnd);
		m.put("endingMrrCents", end.endingMrr);
		m.put("lifetimeMonths", lifetime == null ? null : lifetime.setScale(2, RoundingMode.HALF_UP).doubleValue());
		m.put("lifetimeGiven", givenLifetime != null);
		m.put("accountMonths", monthly.accountsAtStart);
		m.put("accountsLost", monthly.churnedAccounts);
		m.put("monthlyLogoChurnRate", enough ? fraction(monthly.churnedAccounts, monthly.accountsAtStart) : null);
		m.put("monthlyStartingMrrCents", monthly.startingMrr);
		m.put("monthlyLostMrrCents", monthly.churnedMrr + monthly.contractionMrr);
		m.put("monthlyRevenueChurnRate", enough ? fraction(monthly.churnedMrr + monthly.contractionMrr,
				monthly.startingMrr) : null);
		m.put("grossMargin", margin.doubleValue());
		m.put("simpleClvCents", lifetime == null || end.payingAtEnd == 0 ? null : cents(BigDecimal.valueOf(arpa)
			.multiply(lifetime)));
		m.put("churnBasedLifetimeMonths", revenueLifetime == null ? null
				: revenueLifetime.setScale(2, RoundingMode.HALF_UP).doubleValue());
		m.put("churnBasedClvCents", revenueLifetime == null || end.payingAtEnd == 0 ? null
				: cents(BigDecimal.valueOf(arpa).multiply(margin).multiply(revenueLifetime)));
		m.put("tooLittleData", missing);
		return m;
	}

	static Map<String, Object> ltvCac(long spend, int spendMonths, List<String> monthsWithoutSpend, Flow monthly,
			Long ltv, BigDecimal margin) {
		Map<String, Object> m = new LinkedHashMap<>();
		List<String> missing = new ArrayList<>();
		Long cac = monthly.newAccounts == 0 || spendMonths == 0 ? null : cents(BigDecimal.valueOf(spend)
			.divide(BigDecimal.valueOf(monthly.newAccounts), 10, RoundingMode.HALF_UP));
		m.put("spendCents", spend);
		m.put("spendMonths", spendMonths);
		m.put("monthsWithoutSpend", monthsWithoutSpend);
		m.put("newAccounts", monthly.newAccounts);
		m.put("newMrrCents", monthly.newMrr);
		m.put("cacCents", cac);
		m.put("ltvCents", ltv);
		m.put("ltvToCac", ltv == null || cac == null || cac == 0 ? null : BigDecimal.valueOf(ltv)
			.divide(BigDecimal.valueOf(cac), 2, RoundingMode.HALF_UP).doubleValue());
		BigDecimal monthlyGrossProfit = monthly.newAccounts == 0 ? BigDecimal.ZERO : BigDecimal.valueOf(monthly.newMrr)
			.multiply(margin).divide(BigDecimal.valueOf(monthly.newAccounts), 10, RoundingMode.HALF_UP);
		m.put("cacPaybackMonths", cac == null || monthlyGrossProfit.signum() == 0 ? null : BigDecimal.valueOf(cac)
			.divide(monthlyGrossProfit, 1, RoundingMode.HALF_UP).doubleValue());
		m.put("grossMargin", margin.doubleValue());
		if (cac == null) {
			missing.add("cacCents");
		}
		if (m.get("ltvToCac") == null) {
			missing.add("ltvToCac");
		}
		if (m.get("cacPaybackMonths") == null) {
			missing.add("cacPaybackMonths");
		}
		m.put("tooLittleData", missing);
		return m;
	}

	/** {@code at risk ÷ lost} months, at most {@link #MAX_LIFETIME} (and that when nothing was lost). */
	private static BigDecimal lifetime(long atRisk, long lost) {
		if (lost == 0) {
			return MAX_LIFETIME;
		}
		BigDecimal months = BigDecimal.valueOf(atRisk).divide(BigDecimal.valueOf(lost), 10, RoundingMode.HALF_UP);
		return months.min(MAX_LIFETIME);
	}

	private static Double ratio(long numerator, long denominator) {
		return denominator == 0 ? null : BigDecimal.valueOf(numerator)
			.divide(BigDecimal.valueOf(denominator), 2, RoundingMode.HALF_UP).doubleValue();
	}

	private static long cents(BigDecimal value) {
		return value.setScale(0, RoundingMode.HALF_UP).longValueExact();
	}

	private static double round4(double value) {
		return BigDecimal.valueOf(value).setScale(4, RoundingMode.HALF_UP).doubleValue();
	}
}
