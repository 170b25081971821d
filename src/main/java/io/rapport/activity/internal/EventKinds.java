package io.rapport.activity.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import io.rapport.shared.InvalidInputException;
import io.rapport.shared.NotFoundException;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Every event name ever received, and what admins made of it: value events (seed 003's micro-conversions: a
 * customer got value) and core features (for adoption). The standard vocabulary (docs/events.md) is always listed.
 */
@Service
public class EventKinds {

	/** The names the health score understands out of the box (docs/events.md). */
	public static final List<String> STANDARD = List.of("Signed In", "Session Ended", "Password Reset Requested",
			"Feature Used", "Help Article Viewed", "Email Opened", "Email Link Clicked", "Content Downloaded");

	/** Names Rapport itself adds to the stream from its own facts (docs/events.md). */
	public static final List<String> RAPPORT = List.of("Help Center Searched", "Ticket Opened", "Ticket Reopened",
			"Ticket Solved", "CSAT Answered", "NPS Answered");

	/** An event name and its marks. */
	public record Kind(String event, boolean valueEvent, boolean coreFeature) {

		public boolean standard() {
			return STANDARD.contains(event) || RAPPORT.contains(event);
		}
	}

	private final JdbcTemplate jdbc;

	private final Clock clock;

	private final CohortModel cohorts;

	private final Set<String> known = ConcurrentHashMap.newKeySet();

	EventKinds(JdbcTemplate jdbc, Clock clock, CohortModel cohorts) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.cohorts = cohorts;
	}

	/** Records names not seen before; most batches carry only known names and cost nothing here. */
	void remember(Collection<String> events) {
		for (String event : events) {
			if (event != null && !known.contains(event)) {
				jdbc.update("insert into activity_event_kinds (event, value_event, core_feature, first_seen_at) "
						+ "values (?, false, false, ?) on conflict do nothing", event, Timestamp.from(clock.instant()));
				known.add(event);
			}
		}
	}

	/** The standard names first, then every name seen, alphabetically; at most 1,000. */
	@Transactional(readOnly = true)
	public List<Kind> all() {
		var marked = new java.util.HashMap<String, Kind>();
		jdbc.query("select event, value_event, core_feature from activity_event_kinds order by event limit 1000",
				rs -> {
					marked.put(rs.getString(1), new Kind(rs.getString(1), rs.getBoolean(2), rs.getBoolean(3)));
				});
		Set<String> names = new LinkedHashSet<>(STANDARD);
		names.addAll(RAPPORT);
		names.addAll(new java.util.TreeSet<>(marked.keySet()));
		return names.stream().map(name -> marked.getOrDefault(name, new Kind(name, false, false))).toList();
	}

	@Transactional
	public Kind mark(String event, boolean valueEvent, boolean coreFeature) {
		String name = event == null ? "" : event.strip();
		if (name.isEmpty() || name.length() > SegmentRules.MAX_NAME) {
			throw InvalidInputException.of("event", "errors.activity.event-name", SegmentRules.MAX_NAME);
		}
		boolean listed = STANDARD.contains(name) || RAPPORT.contains(name);
		boolean wasCore = Boolean.TRUE.equals(jdbc.query("select core_feature from activity_event_kinds where event = ?",
				rs -> rs.next() ? rs.getBoolean(1) : Boolean.FALSE, name));
		if (wasCore != coreFeature) {
			cohorts.beginCoreChange();
		}
		int updated = jdbc.update("update activity_event_kinds set value_event = ?, core_feature = ? where event = ?",
				valueEvent, coreFeature, name);
		if (updated == 0 && !listed) {
			throw NotFoundException.of("errors.activity.event-unknown", name);
		}
		if (updated == 0) {
			jdbc.update("insert into activity_event_kinds (event, value_event, core_feature, first_seen_at) "
					+ "values (?, ?, ?, ?)", name, valueEvent, coreFeature, Timestamp.from(clock.instant()));
			known.add(name);
		}
		if (wasCore != coreFeature) {
			cohorts.refillCore();
		}
		return new Kind(name, valueEvent, coreFeature);
	}

	@Transactional(readOnly = true)
	public Set<String> valueEvents() {
		return Set.copyOf(jdbc.queryForList("select event from activity_event_kinds where value_event", String.class));
	}

	@Transactional(readOnly = true)
	public Set<String> coreFeatures() {
		return Set.copyOf(jdbc.queryForList("select event from activity_event_kinds where core_feature", String.class));
	}
}
