package io.rapport.demo;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.Random;

import io.rapport.analytics.MetricsApi;

import org.springframework.stereotype.Component;

/**
 * Brightlane's sales and marketing spend for the last two years (about $28,000 a month, more in the spring and
 * autumn campaigns: what a company of its size and growth spends, so its CAC is paid back in about two years) and
 * the monthly EUR and GBP rates into the reporting currency (USD), so CAC, LTV:CAC and every converted figure on the
 * Business page have their inputs. Deterministic by seed.
 */
@Component
class DemoRevenue {

	private final MetricsApi metrics;

	private final Clock clock;

	DemoRevenue(MetricsApi metrics, Clock clock) {
		this.metrics = metrics;
		this.clock = clock;
	}

	void create(long seed) {
		Random random = new Random(seed * 31 + 101);
		YearMonth now = YearMonth.from(clock.instant().atZone(ZoneOffset.UTC));
		for (int back = 24; back >= 0; back--) {
			YearMonth month = now.minusMonths(back);
			boolean campaign = month.getMonthValue() == 3 || month.getMonthValue() == 4 || month.getMonthValue() == 10;
			long dollars = 22_000 + random.nextInt(6_000) + (campaign ? 12_000 : 0);
			metrics.putSpend(month, dollars * 100, "USD");
			double drift = (24 - back) / 24.0;
			metrics.putExchangeRate(month, "EUR", rate(1.06 + 0.05 * drift + (random.nextInt(21) - 10) / 1000.0));
			metrics.putExchangeRate(month, "GBP", rate(1.24 + 0.04 * drift + (random.nextInt(21) - 10) / 1000.0));
		}
	}

	private static BigDecimal rate(double value) {
		return BigDecimal.valueOf(value).setScale(4, RoundingMode.HALF_UP);
	}
}
