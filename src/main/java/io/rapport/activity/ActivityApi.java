package io.rapport.activity;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import io.rapport.activity.internal.BulkLoad;
import io.rapport.activity.internal.EventKinds;
import io.rapport.activity.internal.UsageReader;

import org.springframework.stereotype.Service;

/**
 * What other modules (health scores, the customer 360) read of product usage: always the daily rollups, never raw
 * events, so a year of events costs a scan of rollup rows.
 */
@Service
public class ActivityApi {

	private final UsageReader usage;

	private final EventKinds kinds;

	private final BulkLoad bulk;

	ActivityApi(UsageReader usage, EventKinds kinds, BulkLoad bulk) {
		this.usage = usage;
		this.kinds = kinds;
		this.bulk = bulk;
	}

	/**
	 * Loads usage events in bulk (history from another tool, simulated usage): the same raw events and daily
	 * rollups as the Segment endpoints, written by COPY or batches in chunks of 20,000, each chunk its own
	 * transaction. Events with a messageId are stored once however often the load is retried. Answers how many
	 * were stored. No identify/group: each event names its account.
	 */
	public int load(List<UsageEvent> events) {
		return bulk.load(events);
	}

	/** The account's daily usage between two days (both included), of one event or (null) of all. */
	public List<DailyUsage> usage(long accountId, LocalDate from, LocalDate to, String event) {
		return usage.daily(accountId, from, to, event);
	}

	/**
	 * The usage of every account whose id is between {@code fromAccountId} and {@code toAccountId} (both included),
	 * summed over the days {@code from} to {@code to}: what scores read for many accounts at once. Callers walk the
	 * accounts in id ranges (a thousand at a time) so each call is one range scan of the rollups' primary key.
	 */
	public java.util.Map<Long, UsageTotals> totals(long fromAccountId, long toAccountId, LocalDate from, LocalDate to) {
		return usage.totals(fromAccountId, toAccountId, from, to);
	}

	/** Event names admins marked as value events: a customer who does them got value from the product. */
	public Set<String> valueEvents() {
		return kinds.valueEvents();
	}

	/** Event names admins marked as core features, for adoption. */
	public Set<String> coreFeatures() {
		return kinds.coreFeatures();
	}

	/**
	 * Adoption of {@code features} between two UTC days (both included): distinct people (or, with
	 * {@code byAccount}, accounts) active in the window, and those of them who used the features.
	 */
	public Adoption adoption(LocalDate from, LocalDate to, Set<String> features, boolean byAccount) {
		return usage.adoption(from, to, features, byAccount);
	}
}
