package io.rapport.channels.email.outbound;

import io.rapport.tickets.AuthorKind;
import io.rapport.tickets.Channel;
import io.rapport.tickets.MessagePosted;
import io.rapport.tickets.TicketAssigned;
import io.rapport.tickets.TicketCreated;
import io.rapport.tickets.TicketSolved;
import io.rapport.tickets.Visibility;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Turns ticket events into outbox rows. The events are stored by the publication registry in the transaction of
 * the change (the reply and the record that its mail is owed commit together); each listener runs after that
 * commit in a transaction of its own and is idempotent (dedup keys), so a redelivery after a crash queues nothing
 * twice. Internal notes, messages an agent wrote on a customer's behalf and automatic replies are never mailed.
 */
@Component
class MailNotifications {

	static final String PUBLIC_REPLY = "#event.visibility()?.name() == 'PUBLIC' and !#event.autoReply()"
			+ " and #event.onBehalfOfContactId() == null and !#event.description()";

	private final CustomerMails customers;

	private final AgentMails agents;

	private final OutboundMails mails;

	private final ApplicationEventPublisher events;

	MailNotifications(CustomerMails customers, AgentMails agents, OutboundMails mails,
			ApplicationEventPublisher events) {
		this.customers = customers;
		this.agents = agents;
		this.mails = mails;
		this.events = events;
	}

	/**
	 * Public replies only: a description is answered by {@code TicketCreated}, and nobody is told of an automatic
	 * answer or of words an agent wrote for the customer. The condition keeps the rest out of the registry.
	 */
	@ApplicationModuleListener(condition = PUBLIC_REPLY)
	public void on(MessagePosted event) {
		if (event.visibility() != Visibility.PUBLIC || event.autoReply() || event.onBehalfOfContactId() != null) {
			return; // a publication stored before the condition was added
		}
		if (event.authorType() == AuthorKind.AGENT) {
			customers.reply(event.ticketId(), event.messageId());
		}
		else if (event.authorType() == AuthorKind.CONTACT) {
			agents.customerReplied(event.ticketId(), event.messageId());
		}
	}

	/**
	 * Decides, inside the transaction that creates the ticket, whether it asks for a mail: an acknowledgement to
	 * the customer who wrote it in the portal or through the API, when there is a mailbox to send it from, or a
	 * notice to an agent who wants one for every new ticket (both answers are kept in memory). Only then is a
	 * {@link NewTicketMail} published, and stored, for {@link #on(NewTicketMail)}: a ticket that concerns nobody
	 * starts no listener. The decision is made once, here, and not as a listener condition, which Spring asks again
	 * at delivery: a setting changed in between would leave the stored publication undelivered forever.
	 */
	@EventListener
	void decide(TicketCreated event) {
		boolean acknowledge = acknowledged(event) && mails.defaultMailbox().isPresent();
		if (acknowledge || agents.anyoneWantsNewTickets()) {
			events.publishEvent(new NewTicketMail(event, acknowledge));
		}
	}

	@ApplicationModuleListener
	public void on(NewTicketMail mail) {
		TicketCreated event = mail.ticket();
		if (mail.acknowledge()) {
			mails.defaultMailbox().ifPresent(mailbox -> customers.received(mailbox, event.ticketId(), null));
		}
		agents.newTicket(event.ticketId(), event.groupKey(), event.byAgentId());
	}

	private static boolean acknowledged(TicketCreated event) {
		return (event.channel() == Channel.PORTAL || event.channel() == Channel.API) && event.byAgentId() == null;
	}

	@ApplicationModuleListener
	public void on(TicketSolved event) {
		customers.solved(event.ticketId(), event.at().toEpochMilli());
	}

	@ApplicationModuleListener(condition = "#event.toAgentId() != null")
	public void on(TicketAssigned event) {
		if (event.byKind() != AuthorKind.AGENT || !event.toAgentId().equals(event.byId())) {
			agents.assigned(event.ticketId(), event.toAgentId(), event.at().toEpochMilli());
		}
	}
}
