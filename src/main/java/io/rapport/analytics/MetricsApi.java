package io.rapport.analytics;

import java.math.BigDecimal;
import java.time.YearMonth;

/**
 * The revenue metrics' inputs as other modules (the demo) set them, and the rebuild of their read model from the
 * subscription ledger. The metrics themselves are read through the Business page and {@code /api/v1/metrics}.
 */
public interface MetricsApi {

	/** Replaces the revenue read model from every subscription movement; answers the movements read. */
	long rebuildRevenue();

	/** Sales and marketing spend of a month, in minor units of a currency (null: the reporting currency). */
	void putSpend(YearMonth month, long amountCents, String currency);

	/** What one unit of {@code currency} was worth in the reporting currency during {@code month}. */
	void putExchangeRate(YearMonth month, String currency, BigDecimal rate);
}
