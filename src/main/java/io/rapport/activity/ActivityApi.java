package io.rapport.activity;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.rapport.activity.internal.EventKinds;
import io.rapport.activity.internal.UsageRecorder;
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

	private final UsageRecorder recorder;

	ActivityApi(UsageReader usage, EventKinds kinds, UsageRecorder recorder) {
		this.usage = usage;
		this.kinds = kinds;
		this.recorder = recorder;
	}

	/**
	 * Records product usage without a client, as if sent through the tracking API by a known contact (or for the
	 * account alone): the demo company's history and benchmarks use it. Idempotent by messageId, like a batch.
	 */
	public void record(List<UsageEvent> events) {
		recorder.record(events);
	}

	/** Marks an event name as a value event and/or a core feature, as admins do under Usage events. */
	public void mark(String event, boolean valueEvent, boolean coreFeature) {
		kinds.mark(event, valueEvent, coreFeature);
	}

	/** The account's daily usage between two days (both included), of one event or (null) of all. */
	public List<DailyUsage> usage(long accountId, LocalDate from, LocalDate to, String event) {
		return usage.daily(accountId, from, to, event);
	}

	/**
	 * Distinct people active for the account between two days (both included): people behind any event, tracked
	 * or one of Rapport's own facts; an account's own facts (a ticket solved) have no person and do not count.
	 */
	public long activePeople(long accountId, LocalDate from, LocalDate to) {
		return usage.activePeople(accountId, from, to);
	}

	/** Who was active on which day between two days (both included), one row per person and day, by day. */
	public List<PersonDay> personDays(long accountId, LocalDate from, LocalDate to) {
		return usage.personDays(accountId, from, to);
	}

	/** The last active day and the last sign-in day of each of the account's contacts that was ever active. */
	public Map<Long, ContactActivity> contactActivity(long accountId) {
		return usage.contactActivity(accountId);
	}

	/** Event names admins marked as value events: a customer who does them got value from the product. */
	public Set<String> valueEvents() {
		return kinds.valueEvents();
	}

	/** Event names admins marked as core features, for adoption. */
	public Set<String> coreFeatures() {
		return kinds.coreFeatures();
	}
}
