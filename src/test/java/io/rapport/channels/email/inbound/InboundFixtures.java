package io.rapport.channels.email.inbound;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import io.rapport.channels.email.Mailbox;
import io.rapport.channels.email.Mailboxes;
import io.rapport.Fixtures;
import io.rapport.Fixtures.Person;
import io.rapport.identity.AuthenticatedUser;
import io.rapport.tickets.MessageView;
import io.rapport.tickets.TicketView;
import io.rapport.tickets.TicketsApi;
import io.rapport.tickets.Visibility;

import org.springframework.stereotype.Component;

/** Mailboxes with addresses no other test uses, and what the tickets module stored, read as an admin. */
@Component
class InboundFixtures {

	private static final AtomicInteger SEQUENCE = new AtomicInteger();

	private final Mailboxes mailboxes;

	private final TicketsApi tickets;

	private final Fixtures fixtures;

	private Person reader;

	InboundFixtures(Mailboxes mailboxes, TicketsApi tickets, Fixtures fixtures) {
		this.mailboxes = mailboxes;
		this.tickets = tickets;
		this.fixtures = fixtures;
	}

	/** An admin, who reads every ticket. */
	synchronized AuthenticatedUser reader() {
		if (reader == null) {
			reader = fixtures.anAdmin();
		}
		return reader.user();
	}

	Mailbox aMailbox() {
		return aMailbox("tier1");
	}

	Mailbox aMailbox(String group) {
		int n = SEQUENCE.incrementAndGet();
		return mailboxes.save(new Mailbox("Support " + n, "support@in" + n + "-" + System.nanoTime() + ".example",
				group, "0".repeat(64), Instant.parse("2026-03-01T00:00:00Z")));
	}

	/** A customer address no other test uses. */
	static String customer(String name) {
		return name + "-" + SEQUENCE.incrementAndGet() + "-" + System.nanoTime() + "@pop.example";
	}

	TicketView ticket(long id) {
		return tickets.get(id, reader());
	}

	List<MessageView> messages(long ticketId) {
		return tickets.messages(ticketId, reader());
	}

	List<MessageView> notes(long ticketId) {
		return messages(ticketId).stream().filter(m -> m.visibility() == Visibility.INTERNAL).toList();
	}
}
