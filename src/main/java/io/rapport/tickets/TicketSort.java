package io.rapport.tickets;

import java.util.Locale;

/**
 * The order of a ticket list: one column, ascending or descending, always followed by the id in the same
 * direction so that pages never repeat or skip a ticket. Written in URLs as {@code priority} or {@code -updated}.
 */
public record TicketSort(Field field, boolean descending) {

	public enum Field {
		NUMBER, SUBJECT, REQUESTER, ACCOUNT, STATUS, PRIORITY, GROUP, ASSIGNEE, UPDATED, CREATED,
		/** The next SLA due time: ascending is "breaches first" (tickets without a running target last). */
		DUE
	}

	/** The default of every queue: the most recently changed first. */
	public static TicketSort newestChange() {
		return new TicketSort(Field.UPDATED, true);
	}

	/** {@code "-updated"} is updated, descending; anything unknown or blank is the default. */
	public static TicketSort parse(String value) {
		if (value == null || value.isBlank()) {
			return newestChange();
		}
		String name = value.strip();
		boolean descending = name.startsWith("-");
		try {
			return new TicketSort(Field.valueOf(name.substring(descending ? 1 : 0).toUpperCase(Locale.ROOT)),
					descending);
		}
		catch (IllegalArgumentException e) {
			return newestChange();
		}
	}

	/** Breaches first: the ticket whose SLA target falls due soonest (or is most overdue) on top. */
	public static TicketSort breachesFirst() {
		return new TicketSort(Field.DUE, false);
	}

	public String param() {
		return (descending ? "-" : "") + field.name().toLowerCase(Locale.ROOT);
	}

	/** The sort a column header links to: this column again reversed, or a new column in its natural order. */
	public String toggle(String column) {
		TicketSort next = parse(column);
		if (next.field == field) {
			return new TicketSort(field, !descending).param();
		}
		boolean newestFirst = next.field == Field.UPDATED || next.field == Field.CREATED
				|| next.field == Field.PRIORITY || next.field == Field.NUMBER;
		return new TicketSort(next.field, newestFirst).param();
	}
}
