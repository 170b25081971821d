package io.rapport.tickets;

/**
 * The one way in for channels (email, chat, phone, imports of live conversations): opens a ticket or appends to
 * one, as the customer or as an agent on the customer's behalf, without a signed-in user. A message whose
 * (source, external id) was received before is not stored again: the answer names what was stored the first time,
 * even when two deliveries of it arrive at the same moment. A customer writing to a solved ticket reopens it; a
 * closed ticket takes no messages (the channel opens a follow-up instead).
 */
public interface TicketIntake {

	Received receive(InboundMessage message);

	/** What became of a message: a new ticket, a message on an existing one, or a redelivery of either. */
	record Received(Outcome outcome, long ticketId, long messageId) {
	}

	enum Outcome {
		CREATED, APPENDED, DUPLICATE
	}
}
