package io.rapport.workflows.internal;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import io.rapport.shared.InvalidInputException;
import io.rapport.shared.NotFoundException;
import io.rapport.shared.Reread;
import io.rapport.tickets.TicketPriority;
import io.rapport.tickets.TicketType;
import io.rapport.workflows.internal.SlaPolicy.EscalateAt;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * SLA policies in their order; the first that matches a ticket applies to it. Every new ticket and customer message
 * matches them, so they are kept in memory ({@link Reread}): an edit here is seen at once, an edit on another node
 * within {@link CalendarStore#REFRESH}.
 */
@Component
class PolicyStore {

	static final int MAX_MINUTES = 365 * 24 * 60;

	private static final String COLUMNS = "id, name, position, priority, ticket_type, group_key, account_id, "
			+ "calendar_id, first_reply_minutes, next_reply_minutes, resolution_minutes, warn_first_pct, "
			+ "warn_second_pct, escalate_at, raise_priority, move_to_group";

	private static final RowMapper<SlaPolicy> ROW = (rs, i) -> new SlaPolicy(rs.getLong("id"), rs.getString("name"),
			rs.getInt("position"), TicketPriority.valueOf(rs.getString("priority")),
			rs.getString("ticket_type") == null ? null : TicketType.valueOf(rs.getString("ticket_type")),
			rs.getString("group_key"), (Long) rs.getObject("account_id", Long.class), rs.getLong("calendar_id"),
			rs.getObject("first_reply_minutes", Integer.class), rs.getObject("next_reply_minutes", Integer.class),
			rs.getObject("resolution_minutes", Integer.class), rs.getInt("warn_first_pct"),
			rs.getInt("warn_second_pct"), EscalateAt.valueOf(rs.getString("escalate_at")),
			rs.getBoolean("raise_priority"), rs.getString("move_to_group"));

	private final JdbcTemplate jdbc;

	private final CalendarStore calendars;

	private final Reread<List<SlaPolicy>> cached;

	PolicyStore(JdbcTemplate jdbc, CalendarStore calendars, Clock clock) {
		this.jdbc = jdbc;
		this.calendars = calendars;
		this.cached = new Reread<>(
				() -> List.copyOf(jdbc.query("select " + COLUMNS + " from sla_policies order by position, id", ROW)),
				CalendarStore.REFRESH, clock);
	}

	@Transactional(readOnly = true)
	List<SlaPolicy> all() {
		return cached.get();
	}

	@Transactional(readOnly = true)
	Optional<SlaPolicy> find(long id) {
		return all().stream().filter(p -> p.id() == id).findFirst();
	}

	/** The first policy, in order, whose conditions the ticket meets. */
	@Transactional(readOnly = true)
	Optional<SlaPolicy> match(TicketPriority priority, TicketType type, String groupKey, Long accountId) {
		return all().stream().filter(p -> p.matches(priority, type, groupKey, accountId)).findFirst();
	}

	/** Stores a new policy (id 0, placed last) or changes one; checks every field first. */
	@Transactional
	long save(SlaPolicy policy) {
		check(policy);
		cached.forget();
		Integer taken = jdbc.queryForObject("select count(*) from sla_policies where name = ? and id <> ?",
				Integer.class, policy.name().strip(), policy.id());
		if (taken != null && taken > 0) {
			throw InvalidInputException.of("name", "errors.workflows.name-taken", policy.name().strip());
		}
		Object[] values = { policy.name().strip(), policy.priority().name(),
				policy.type() == null ? null : policy.type().name(), policy.groupKey(), policy.accountId(),
				policy.calendarId(), policy.firstReplyMinutes(), policy.nextReplyMinutes(),
				policy.resolutionMinutes(), policy.warnFirstPct(), policy.warnSecondPct(), policy.escalateAt().name(),
				policy.raisePriority(), policy.moveToGroup() };
		String set = "name = ?, priority = ?, ticket_type = ?, group_key = ?, account_id = ?, calendar_id = ?, "
				+ "first_reply_minutes = ?, next_reply_minutes = ?, resolution_minutes = ?, warn_first_pct = ?, "
				+ "warn_second_pct = ?, escalate_at = ?, raise_priority = ?, move_to_group = ?";
		if (policy.id() == 0) {
			long id = jdbc.queryForObject("select nextval('sla_policies_seq')", Long.class);
			Integer last = jdbc.queryForObject("select coalesce(max(position), -1) from sla_policies", Integer.class);
			jdbc.update("insert into sla_policies (id, position, name, priority, ticket_type, group_key, account_id, "
					+ "calendar_id, first_reply_minutes, next_reply_minutes, resolution_minutes, warn_first_pct, "
					+ "warn_second_pct, escalate_at, raise_priority, move_to_group) "
					+ "values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", concat(new Object[] { id, last + 1 },
							values));
			return id;
		}
		require(policy.id());
		jdbc.update("update sla_policies set " + set + ", version = version + 1 where id = ?",
				concat(values, new Object[] { policy.id() }));
		return policy.id();
	}

	@Transactional
	void delete(long id) {
		require(id);
		cached.forget();
		jdbc.update("delete from sla_policies where id = ?", id);
	}

	/** Moves a policy one place up (-1) or down (+1) in the order. */
	@Transactional
	void move(long id, int delta) {
		List<SlaPolicy> ordered = new ArrayList<>(all());
		SlaPolicy policy = require(id);
		int index = ordered.stream().map(SlaPolicy::id).toList().indexOf(policy.id());
		int target = Math.max(0, Math.min(ordered.size() - 1, index + Integer.signum(delta)));
		ordered.add(target, ordered.remove(index));
		cached.forget();
		for (int i = 0; i < ordered.size(); i++) {
			jdbc.update("update sla_policies set position = ? where id = ?", i, ordered.get(i).id());
		}
	}

	/** Reads the policies again at the next use: a listener on another thread acting on an edit just committed. */
	void forget() {
		cached.forget();
	}

	SlaPolicy require(long id) {
		return find(id).orElseThrow(() -> NotFoundException.of("errors.workflows.policy-not-found", id));
	}

	private void check(SlaPolicy p) {
		if (p.name() == null || p.name().isBlank() || p.name().strip().length() > CalendarStore.MAX_NAME) {
			throw InvalidInputException.of("name", "errors.workflows.name", CalendarStore.MAX_NAME);
		}
		if (p.priority() == null) {
			throw InvalidInputException.of("priority", "errors.workflows.priority");
		}
		calendars.calendar(p.calendarId())
			.orElseThrow(() -> InvalidInputException.of("calendarId", "errors.workflows.calendar-not-found",
					p.calendarId()));
		minutes("firstReplyMinutes", p.firstReplyMinutes());
		minutes("nextReplyMinutes", p.nextReplyMinutes());
		minutes("resolutionMinutes", p.resolutionMinutes());
		if (p.firstReplyMinutes() == null && p.nextReplyMinutes() == null && p.resolutionMinutes() == null) {
			throw InvalidInputException.of("firstReplyMinutes", "errors.workflows.no-target");
		}
		if (p.warnFirstPct() < 1 || p.warnFirstPct() > 99) {
			throw InvalidInputException.of("warnFirstPct", "errors.workflows.pct");
		}
		if (p.warnSecondPct() < 1 || p.warnSecondPct() > 99 || p.warnSecondPct() <= p.warnFirstPct()) {
			throw InvalidInputException.of("warnSecondPct", "errors.workflows.pct-order");
		}
	}

	private static void minutes(String field, Integer minutes) {
		if (minutes != null && (minutes < 1 || minutes > MAX_MINUTES)) {
			throw InvalidInputException.of(field, "errors.workflows.minutes", MAX_MINUTES);
		}
	}

	private static Object[] concat(Object[] a, Object[] b) {
		Object[] all = new Object[a.length + b.length];
		System.arraycopy(a, 0, all, 0, a.length);
		System.arraycopy(b, 0, all, a.length, b.length);
		return all;
	}
}
