package io.rapport.activity;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

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

	ActivityApi(UsageReader usage, EventKinds kinds) {
		this.usage = usage;
		this.kinds = kinds;
	}

	/** The account's daily usage between two days (both included), of one event or (null) of all. */
	public List<DailyUsage> usage(long accountId, LocalDate from, LocalDate to, String event) {
		return usage.daily(accountId, from, to, event);
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
