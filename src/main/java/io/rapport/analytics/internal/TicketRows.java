package io.rapport.analytics.internal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import io.rapport.tickets.TicketFacts.Fact;
import io.rapport.workflows.BusinessCalendar;
import io.rapport.workflows.BusinessCalendars;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The per-ticket read model ({@code analytics_tickets}): a ticket's facts with its speed of answer in calendar
 * seconds and in business seconds of the default calendar, as of when it was written. Writing a ticket's facts
 * again replaces its row unless the row holds facts of a later version of the ticket: listeners of two events
 * each read the ticket and write its row, and the one that read first may write last; its older facts are then
 * left out, so a redelivered, late or overtaken event changes nothing.
 */
@Component
class TicketRows {

	private static final String COLUMNS = "ticket_number, created_at, created_epoch, created_day, created_week, created_month,"
			+ " channel, group_key, priority, ticket_type, account_id, requester_id, assignee_id, responder_id,"
			+ " first_answer_at, asa_seconds, asa_business_seconds, status, solved_at, solved_day, solved_week,"
			+ " solved_month, resolution_seconds, ticket_version";

	private static final String INSERT = "insert into analytics_tickets (" + COLUMNS
			+ ", ticket_id) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

	/** The insert of a ticket's first row: nothing when another event's listener wrote it first. */
	private static final String INSERT_NEW = INSERT + " on conflict do nothing";

	/** The update of a ticket's row, unless the row holds the facts of a later version. */
	private static final String UPDATE = "update analytics_tickets set "
			+ String.join(" = ?, ", COLUMNS.split(",\\s*")) + " = ? where ticket_id = ?"
			+ " and (ticket_version is null or ticket_version <= ?)";

	private final JdbcTemplate jdbc;

	private final BusinessCalendars calendars;

	TicketRows(JdbcTemplate jdbc, BusinessCalendars calendars) {
		this.jdbc = jdbc;
		this.calendars = calendars;
	}

	/**
	 * Writes the ticket's row, replacing what was there unless it holds a later version's facts. No row: an insert
	 * that yields to one written meanwhile (a statement that fails would end the listener's transaction on
	 * PostgreSQL), and then the update once more.
	 */
	void put(Fact fact) {
		Object[] values = values(fact, calendars.defaultCalendar());
		Object[] update = Arrays.copyOf(values, values.length + 1);
		update[values.length] = fact.version();
		if (jdbc.update(UPDATE, update) == 0 && jdbc.update(INSERT_NEW, values) == 0) {
			jdbc.update(UPDATE, update);
		}
	}

	/**
	 * Writes the row of a ticket just created: an insert, which finds no row in the usual case, instead of an
	 * update that finds none first. A row that is there already was written by the listener of a later event (a
	 * first answer a moment after the creation) or by a rebuild, from facts read after this creation committed:
	 * it is kept. Replacing it with the facts this listener read, perhaps before that answer, lost the answer.
	 */
	void putNew(Fact fact) {
		jdbc.update(INSERT_NEW, values(fact, calendars.defaultCalendar()));
	}

	void deleteAll() {
		jdbc.update("delete from analytics_tickets");
	}

	/** Inserts rows into an emptied table, a batch at a time. */
	void insertAll(List<Fact> facts) {
		BusinessCalendar calendar = calendars.defaultCalendar();
		List<Object[]> batch = new ArrayList<>(facts.size());
		facts.forEach(fact -> batch.add(values(fact, calendar)));
		jdbc.batchUpdate(INSERT, batch);
	}

	static Object[] values(Fact f, BusinessCalendar calendar) {
		Long asa = null;
		Long asaBusiness = null;
		if (f.firstResponseAt() != null) {
			asa = Math.max(0, Duration.between(f.createdAt(), f.firstResponseAt()).getSeconds());
			asaBusiness = calendar.between(f.createdAt(), f.firstResponseAt()).getSeconds();
		}
		Long resolution = f.solvedAt() == null ? null
				: Math.max(0, Duration.between(f.createdAt(), f.solvedAt()).getSeconds());
		return new Object[] { f.number(), Days.ts(f.createdAt()), f.createdAt().getEpochSecond(), Days.dayOf(f.createdAt()),
				Days.weekOf(f.createdAt()), Days.monthOf(f.createdAt()), f.channel().name(), f.groupKey(),
				f.priority().name(), f.type().name(), f.accountId(), f.requesterId(), f.assigneeId(),
				f.firstResponderId(), Days.ts(f.firstResponseAt()), asa, asaBusiness, f.status().name(),
				Days.ts(f.solvedAt()), Days.dayOf(f.solvedAt()), Days.weekOf(f.solvedAt()),
				Days.monthOf(f.solvedAt()), resolution, f.version(), f.ticketId() };
	}
}
