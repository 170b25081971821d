package io.rapport.tickets;

public enum TicketPriority {
	LOW, NORMAL, HIGH, URGENT
}
