package io.rapport.activity.internal;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import io.rapport.activity.Adoption;
import io.rapport.shared.Database;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.stereotype.Component;

/**
 * Adoption over whole months of one era, counted from {@code activity_usage_months} (a row per person or account
 * and event, one for any event and one for any core feature, with a bit per month): the active ones, each
 * feature's users and, for the core features (the default), those who used any of them in one grouped statement
 * over index ranges. Another set of features finds who used any of them as the union of their ranges, a second
 * statement (run after the first: on two cores the two side by side took as long as one after the other). Called
 * in the caller's read-only transaction; on PostgreSQL without the query JIT (its compile cost more than these
 * scans) or parallel workers, and with room to sort the union in memory.
 */
@Component
class MonthlyAdoption {

	private final JdbcTemplate jdbc;

	private final Database database;

	private final EventKinds kinds;

	MonthlyAdoption(JdbcTemplate jdbc, Database database, EventKinds kinds) {
		this.jdbc = jdbc;
		this.database = database;
		this.kinds = kinds;
	}

	Adoption adoption(int era, long months, Set<String> features, boolean byAccount) {
		String level = byAccount ? "A" : "U";
		List<String> sorted = new ArrayList<>(new TreeSet<>(features));
		if (database.postgres()) {
			tuned();
		}
		if (sorted.size() >= 2 && Set.copyOf(sorted).equals(kinds.coreFeatures())) {
			return ofCoreFeatures(level, era, months, sorted);
		}
		List<Object> args = new ArrayList<>(List.of(level, era, ""));
		args.addAll(sorted);
		args.add(months);
		Map<String, Long> counts = new HashMap<>();
		jdbc.query("select event, count(*) from activity_usage_months where lvl = ? and era = ? and event in (?"
				+ ", ?".repeat(sorted.size()) + ") and " + inWindow() + " group by event",
				(RowCallbackHandler) rs -> counts.put(rs.getString(1), rs.getLong(2)), args.toArray());
		Map<String, Long> byFeature = new LinkedHashMap<>();
		sorted.forEach(f -> byFeature.put(f, counts.getOrDefault(f, 0L)));
		long adopting = sorted.size() >= 2 ? anyOf(level, era, months, sorted)
				: sorted.isEmpty() ? 0 : byFeature.get(sorted.get(0));
		return new Adoption(counts.getOrDefault("", 0L), adopting, byFeature);
	}

	/**
	 * The core features, the adoption asked by default: who used any of them is a row of its own ({@code lvl} 'u' or
	 * 'a'), so everything is one grouped count over index ranges.
	 */
	private Adoption ofCoreFeatures(String level, int era, long months, List<String> sorted) {
		String core = level.toLowerCase(Locale.ROOT);
		List<Object> args = new ArrayList<>(List.of(level, era, ""));
		args.addAll(sorted);
		args.addAll(List.of(months, core, era, months));
		Map<String, Long> counts = new HashMap<>();
		// two statements in one: with both lvl and event given as lists, PostgreSQL 15 walked far more of the index
		jdbc.query("select lvl, event, count(*) from activity_usage_months where lvl = ? and era = ? and event in (?"
				+ ", ?".repeat(sorted.size()) + ") and " + inWindow() + " group by lvl, event union all select lvl, event, "
				+ "count(*) from activity_usage_months where lvl = ? and era = ? and event = '' and " + inWindow()
				+ " group by lvl, event",
				(RowCallbackHandler) rs -> counts.put(rs.getString(1) + "\t" + rs.getString(2), rs.getLong(3)),
				args.toArray());
		Map<String, Long> byFeature = new LinkedHashMap<>();
		sorted.forEach(f -> byFeature.put(f, counts.getOrDefault(level + "\t" + f, 0L)));
		return new Adoption(counts.getOrDefault(level + "\t", 0L), counts.getOrDefault(core + "\t", 0L), byFeature);
	}

	/** The people (or accounts) who did any of the events in the window: the union of each event's index range. */
	private long anyOf(String level, int era, long months, List<String> events) {
		String one = "select account_id, user_key from activity_usage_months where lvl = ? and era = ? and event = ? "
				+ "and " + inWindow();
		List<Object> args = new ArrayList<>();
		events.forEach(e -> args.addAll(List.of(level, era, e, months)));
		Long n = jdbc.queryForObject("select count(*) from (" + String.join(" union ",
				Collections.nCopies(events.size(), one)) + ") x", Long.class, args.toArray());
		return n == null ? 0 : n;
	}

	private String inWindow() {
		return (database.postgres() ? "months & ?" : "bitand(months, cast(? as bigint))") + " <> 0";
	}

	/**
	 * For the current transaction only: no query JIT, memory to sort a million keys, and no parallel workers (on two
	 * cores the parallel index-only scans took 1.3–1.7 s where one process took 0.7–1.0 s, measured in turns).
	 */
	private void tuned() {
		jdbc.execute("set local jit = off");
		jdbc.execute("set local work_mem = '64MB'");
		jdbc.execute("set local max_parallel_workers_per_gather = 0");
	}
}
