package io.rapport.tickets.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import io.rapport.accounts.AccountsApi;
import io.rapport.accounts.ContactView;
import io.rapport.shared.SafeHtml;
import io.rapport.tickets.AuthorKind;
import io.rapport.tickets.InboundMessage;
import io.rapport.tickets.TicketIntake;
import io.rapport.tickets.TicketNotFoundException;
import io.rapport.tickets.Upload;
import io.rapport.tickets.Visibility;

import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;

import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Receives what channels hand over. Each message is stored in a transaction of its own; the unique index on
 * (source, external id) is what makes a redelivery harmless: a second delivery that arrives while the first is
 * being stored fails on it, and is answered, after the first committed, with what the first stored. What a mail
 * adds (CCs, an automatic answer, a quoted part, inline images, the customer's language, a note for agents) is
 * stored with the message; reads for channels are in {@link ThreadReads}.
 */
@Component
class Intake implements TicketIntake {

	static final int ATTEMPTS = 3;

	private final TicketOpening opening;

	private final TicketConversation conversation;

	private final TicketStore store;

	private final Tickets tickets;

	private final Messages messages;

	private final AccountsApi accounts;

	private final Clock clock;

	private final TransactionTemplate transactions;

	private final ThreadReads reads;

	private final IntakeChecks checks;

	private final EntityManager entityManager;

	private final JdbcTemplate jdbc;

	Intake(TicketOpening opening, TicketConversation conversation, TicketStore store, Tickets tickets,
			Messages messages, AccountsApi accounts, Clock clock, PlatformTransactionManager transactionManager,
			ThreadReads reads, IntakeChecks checks, EntityManager entityManager, JdbcTemplate jdbc) {
		this.entityManager = entityManager;
		this.jdbc = jdbc;
		this.reads = reads;
		this.checks = checks;
		this.opening = opening;
		this.conversation = conversation;
		this.store = store;
		this.tickets = tickets;
		this.messages = messages;
		this.accounts = accounts;
		this.clock = clock;
		this.transactions = new TransactionTemplate(transactionManager);
	}

	@Override
	public Received receive(InboundMessage message) {
		checks.check(message);
		for (int attempt = 1;; attempt++) {
			try {
				return transactions.execute(status -> store(message));
			}
			catch (DataIntegrityViolationException | ConcurrencyFailureException e) {
				Optional<Received> first = message.externalId() == null ? Optional.empty()
						: transactions.execute(status -> stored(message));
				if (first.isPresent()) {
					return first.get();
				}
				if (attempt == ATTEMPTS) {
					throw e;
				}
			}
		}
	}

	private Received store(InboundMessage in) {
		if (in.ticketId() == null) {
			Optional<Received> first = stored(in);
			if (first.isPresent()) {
				return first.get();
			}
		}
		ContactView customer = accounts.findOrCreateContact(in.fromEmail(), in.fromName());
		if (in.locale() != null && customer.locale() == null) {
			customer = accounts.setLocaleIfUnknown(customer.id(), in.locale())
				.map(customer::speaking).orElse(customer);
		}
		String html = Bodies.received(in.body(), in.format(), "body");
		String quoted = Bodies.quoted(in.quotedHtml());
		List<String> ccs = Participants.addresses(in.ccs());
		if (in.ticketId() == null) {
			return open(in, customer, html, quoted, ccs);
		}
		Ticket ticket = locked(in.ticketId());
		Optional<Received> first = stored(in);
		if (first.isPresent()) {
			return first.get();
		}
		Instant now = clock.instant();
		Actor actor = in.agentId() == null ? new Actor(AuthorKind.CONTACT, customer.id())
				: new Actor(AuthorKind.AGENT, in.agentId());
		Message message = new Message(ticket.getId(), actor.kind(), actor.id(), Visibility.PUBLIC, html, now)
			.onBehalfOf(in.agentId() == null ? null : customer.id())
			.receivedAs(in.source(), in.externalId())
			.asReceived(in.autoReply(), quoted);
		conversation.append(ticket, message, in.uploads(), in.channel(), Set.of(), actor, now);
		Optional<ContactView> requester = requester(ticket, customer);
		ticket.copy(ccs, requester.map(ContactView::email).orElse(null));
		messages.flush();
		store.save(ticket);
		return new Received(Outcome.APPENDED, ticket.getId(), message.getId(), reads.thread(ticket, requester));
	}

	/**
	 * The ticket, locked for this transaction and read fresh. A channel's transaction may already hold an older copy
	 * (the mail pipeline reads the ticket to thread the mail, then hands it over in the same transaction); a locking
	 * query would then meet a newer version than the one held and fail, where a refresh under the lock takes it.
	 */
	private Ticket locked(long ticketId) {
		Ticket ticket = entityManager.find(Ticket.class, ticketId);
		if (ticket == null) {
			throw TicketNotFoundException.forId(ticketId);
		}
		entityManager.refresh(ticket, LockModeType.PESSIMISTIC_WRITE);
		return ticket;
	}

	private Received open(InboundMessage in, ContactView customer, String html, String quoted, List<String> ccs) {
		TicketOpening.Opened opened = opening.open(new TicketOpening.Request(in.subject(), html, null, null,
				in.channel(), List.of(), in.uploads(), in.source(), in.externalId(), in.group(), in.autoReply(),
				quoted), customer, in.agentId());
		Ticket ticket = opened.ticket();
		ticket.copy(ccs, customer.email());
		if (in.internalNote() != null && !in.internalNote().isBlank()) {
			Instant now = clock.instant();
			Message note = new Message(ticket.getId(), AuthorKind.SYSTEM, null, Visibility.INTERNAL,
					SafeHtml.fromText(in.internalNote()), now);
			conversation.append(ticket, note, List.of(), in.channel(), Set.of(), Actor.system(), now);
			store.publish(ticket);
		}
		messages.flush();
		return new Received(Outcome.CREATED, ticket.getId(), opened.message().getId(),
				reads.thread(ticket, Optional.of(customer)));
	}

	/** The ticket's requester: the customer when they wrote, else read. */
	private Optional<ContactView> requester(Ticket ticket, ContactView customer) {
		return customer.id() == ticket.getRequesterId() ? Optional.of(customer)
				: accounts.contact(ticket.getRequesterId());
	}

	/**
	 * The message stored under the same (source, external id), read by plain JDBC: asked once or twice for every
	 * message a channel hands over, where the repository's query (with the flush it checks for first) cost a tenth
	 * of the intake. Nothing this transaction holds unwritten can match: it has not stored this message yet.
	 */
	private Optional<Received> stored(InboundMessage in) {
		if (in.externalId() == null) {
			return Optional.empty();
		}
		return jdbc.query("select ticket_id, id from messages where source = ? and external_id = ?",
				(rs, n) -> new long[] { rs.getLong(1), rs.getLong(2) }, in.source(), in.externalId())
			.stream().findFirst()
			.map(ids -> new Received(Outcome.DUPLICATE, ids[0], ids[1], reads.thread(ids[0]).orElseThrow()));
	}

	@Override
	public Optional<Thread> thread(long ticketId) {
		return reads.thread(ticketId);
	}

	@Override
	public Optional<Thread> threadByNumber(long number) {
		return reads.threadByNumber(number);
	}

	@Override
	public List<PublicMessage> publicConversation(long ticketId) {
		return reads.publicConversation(ticketId);
	}

	@Override
	public Optional<Upload> publicAttachment(long attachmentId) {
		return reads.publicAttachment(attachmentId);
	}
}
