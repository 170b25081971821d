package io.rapport.analytics.internal;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import io.rapport.accounts.MovementView;
import io.rapport.accounts.SubscriptionsApi;
import io.rapport.analytics.MetricsApi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Keeps the revenue read model: an account is refreshed whole from {@link SubscriptionsApi} whenever one of its
 * subscriptions moves (the event is only a signal, so a late or repeated one leaves the same rows), the whole model
 * is rebuilt from the ledger on demand, and the month-end MRR is recomputed when the company's time zone changes.
 */
@Service
class RevenueModel implements MetricsApi {

	private static final Logger log = LoggerFactory.getLogger(RevenueModel.class);

	private final SubscriptionsApi subscriptions;

	private final RevenueRows rows;

	private final MetricSettings settings;

	private final JdbcTemplate jdbc;

	private final TransactionTemplate separately;

	private final Clock clock;

	RevenueModel(SubscriptionsApi subscriptions, RevenueRows rows, MetricSettings settings, JdbcTemplate jdbc,
			PlatformTransactionManager transactions, Clock clock) {
		this.subscriptions = subscriptions;
		this.rows = rows;
		this.settings = settings;
		this.jdbc = jdbc;
		this.separately = new TransactionTemplate(transactions);
		this.separately.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
		this.clock = clock;
	}

	/**
	 * Re-reads one account's ledger and replaces its rows. The account's lock row is taken first, so a second
	 * refresh of the same account waits and then reads a ledger at least as new.
	 */
	@Transactional
	void refresh(long accountId) {
		Timestamp now = Timestamp.from(clock.instant());
		if (!rows.lock(accountId, now)) {
			try {
				separately.executeWithoutResult(s -> rows.addLockRow(accountId, now));
			}
			catch (DuplicateKeyException alreadyThere) {
				// another refresh of the same account created it first
			}
			rows.lock(accountId, now);
		}
		rows.replace(accountId, subscriptions.movements(accountId), settings.settings().zone());
	}

	@Override
	@Transactional
	public long rebuildRevenue() {
		Instant started = clock.instant();
		rows.deleteAll();
		List<MovementView> batch = new ArrayList<>();
		long[] count = { 0 };
		subscriptions.forEachMovement(m -> {
			batch.add(m);
			if (batch.size() == 1000) {
				rows.insertMovements(batch);
				count[0] += batch.size();
				batch.clear();
			}
		});
		rows.insertMovements(batch);
		count[0] += batch.size();
		long segments = rows.recomputeSegments(settings.settings().zone());
		stamp(count[0], started);
		log.info("Revenue read model rebuilt: {} movements, {} month-end MRR segments", count[0], segments);
		return count[0];
	}

	/** Saves the settings; a new time zone moves month boundaries, so the segments are recomputed at once. */
	@Transactional
	void saveSettings(String currency, String zone, String margin) {
		if (settings.save(currency, zone, margin)) {
			rows.recomputeSegments(ZoneId.of(zone.strip()));
		}
	}

	@Override
	public void putSpend(YearMonth month, long amountCents, String currency) {
		settings.putSpend(month, amountCents, currency);
	}

	@Override
	public void putExchangeRate(YearMonth month, String currency, BigDecimal rate) {
		settings.putRate(month, currency, rate.toPlainString());
	}

	private void stamp(long rowCount, Instant at) {
		if (jdbc.update("update analytics_rebuilds set rebuilt_at = ?, row_count = ? where model = ?",
				Timestamp.from(at), rowCount, "revenue") == 0) {
			jdbc.update("insert into analytics_rebuilds (model, rebuilt_at, row_count) values (?, ?, ?)", "revenue",
					Timestamp.from(at), rowCount);
		}
	}
}
