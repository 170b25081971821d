package io.rapport.tickets.internal;

import java.time.Instant;
import java.util.List;

import io.rapport.tickets.AttachmentView;
import io.rapport.tickets.AuthorKind;
import io.rapport.tickets.Channel;
import io.rapport.tickets.MessageView;
import io.rapport.tickets.TicketStatus;
import io.rapport.tickets.TicketType;
import io.rapport.tickets.TicketView;

/**
 * What the API shows a customer: their request and the public conversation, never the support team's working
 * data (escalations and their reasons, assignee, group, priority, internal tags, agent ids). See docs/api.md.
 */
final class CustomerApiViews {

	private CustomerApiViews() {
	}

	/** A ticket as its requester sees it; {@code status} says whose move it is, {@code ccs} who else is copied. */
	record CustomerTicketView(long id, long number, String subject, CustomerStatus status, TicketType type,
			Channel channel, TicketView.Requester requester, Instant createdAt, Instant updatedAt, Instant solvedAt,
			List<String> ccs) {

		static CustomerTicketView of(TicketView ticket) {
			return new CustomerTicketView(ticket.id(), ticket.number(), ticket.subject(), CustomerStatus.of(ticket.status()),
					ticket.type(), ticket.channel(), ticket.requester(), ticket.createdAt(), ticket.updatedAt(),
					ticket.solvedAt(), ticket.ccs());
		}
	}

	/** A public message; agents appear by name only. */
	record CustomerMessageView(long id, AuthorKind authorType, String authorName, String bodyHtml, Instant createdAt,
			List<AttachmentView> attachments, String quotedHtml) {

		static CustomerMessageView of(MessageView message) {
			return new CustomerMessageView(message.id(), message.authorType(), message.authorName(), message.bodyHtml(),
					message.createdAt(), message.attachments(), message.quotedHtml());
		}
	}

	/** Whose move it is: the support team's (new, open, on hold), the customer's (pending), or nobody's. */
	enum CustomerStatus {

		WAITING_FOR_SUPPORT, WAITING_FOR_CUSTOMER, SOLVED, CLOSED;

		static CustomerStatus of(TicketStatus status) {
			return switch (status) {
				case NEW, OPEN, ON_HOLD -> WAITING_FOR_SUPPORT;
				case PENDING -> WAITING_FOR_CUSTOMER;
				case SOLVED -> SOLVED;
				case CLOSED -> CLOSED;
			};
		}
	}
}
