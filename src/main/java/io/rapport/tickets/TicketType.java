package io.rapport.tickets;

public enum TicketType {
	QUESTION, INCIDENT, PROBLEM, TASK, FEATURE_REQUEST, BILLING, COMPLAINT
}
