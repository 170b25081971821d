package io.rapport.portal;

import java.util.List;

import io.rapport.tickets.TicketType;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** A new request as a customer writes it. */
record TicketForm(@NotBlank @Size(max = 250) String subject, @NotBlank @Size(max = 100_000) String description,
		@NotNull TicketType type) {

	/**
	 * The kinds of request a customer picks from, in the order the form shows them. TASK is the team's own work
	 * and PROBLEM a root cause agents link incidents to, so neither is offered.
	 */
	static final List<TicketType> CHOICES = List.of(TicketType.QUESTION, TicketType.INCIDENT, TicketType.BILLING,
			TicketType.FEATURE_REQUEST, TicketType.COMPLAINT);

	static TicketForm empty() {
		return new TicketForm("", "", TicketType.QUESTION);
	}
}
