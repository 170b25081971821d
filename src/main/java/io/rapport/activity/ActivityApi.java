package io.rapport.activity;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.rapport.activity.internal.BulkLoad;
import io.rapport.activity.internal.CohortModel;
import io.rapport.activity.internal.CohortReader;
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

	private final CohortReader cohorts;

	private final CohortModel model;

	ActivityApi(UsageReader usage, EventKinds kinds, BulkLoad bulk, CohortReader cohorts, CohortModel model) {
		this.usage = usage;
		this.kinds = kinds;
		this.bulk = bulk;
		this.cohorts = cohorts;
		this.model = model;
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

	/**
	 * Loads usage history that is already summed by day (another tool's daily export; a simulated population for a
	 * test or benchmark) straight into the daily rollups that every score reads, with no raw events behind it: a
	 * multi-row upsert per chunk of 20,000 rows on PostgreSQL, a batch elsewhere, each chunk its own transaction.
	 * Counts add to what is there (a second load counts twice). Answers how many rows were loaded.
	 */
	public int loadRollups(List<UsageRollup> rollups) {
		return bulk.loadRollups(rollups);
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
	 * The usage of every account whose id is between {@code fromAccountId} and {@code toAccountId} (both included),
	 * summed over the days {@code from} to {@code to}: what scores read for many accounts at once. Callers walk the
	 * accounts in id ranges (a thousand at a time) so each call is one range scan of the rollups' primary key.
	 */
	public Map<Long, UsageTotals> totals(long fromAccountId, long toAccountId, LocalDate from, LocalDate to) {
		return usage.totals(fromAccountId, toAccountId, from, to);
	}

	/**
	 * The same sums for these accounts (a thousand at a time): one seek per account of the rollups' primary key, so
	 * a window costs its own rows however long the accounts' history is. What scores read.
	 */
	public Map<Long, UsageTotals> totals(Collection<Long> accountIds, LocalDate from, LocalDate to) {
		return usage.totals(accountIds, from, to);
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

	/**
	 * The first day (UTC) each account did any of the value events admins marked, for time to value: one grouped
	 * scan of each account's first day of each event (a read model of the rollups). Accounts that never did one are absent; with no value event marked the map is empty.
	 */
	public Map<Long, LocalDate> firstValueDays() {
		return usage.firstDays(kinds.valueEvents());
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

	// Cohort retention (issue 10): one grouped statement per table or cell, over the weeks and months people were
	// active (a read model of the rollups) when any event counts once, over the rollups otherwise.

	/**
	 * Rebuilds the rollups' read models for the business metrics (first days, active weeks and months, months of
	 * use) from the rollups; answers the rollup rows read. Every rollup write keeps them up to date; this is for
	 * rollups written by other means (a restore, a bulk SQL load). On PostgreSQL it then rebuilds the months' index
	 * and vacuums the read models, outside any transaction.
	 */
	public long rebuildCohorts() {
		long rows = model.rebuild();
		model.tidyAfterRebuild();
		return rows;
	}

	/** A cohort retention table counted from the rollups: cohort sizes and who came back in each column. */
	public CohortCounts cohorts(CohortQuery query) {
		return cohorts.counts(query);
	}

	/** Who is in cohort {@code cohort} and retained in its column {@code n} (0: the whole cohort), in id order. */
	public List<CohortMember> cohortMembers(CohortQuery query, int cohort, int n) {
		return cohorts.members(query, cohort, n);
	}
}
