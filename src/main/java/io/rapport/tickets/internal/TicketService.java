package io.rapport.tickets.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import io.rapport.accounts.AccountsApi;
import io.rapport.accounts.ContactView;
import io.rapport.identity.AuthenticatedUser;
import io.rapport.identity.GroupView;
import io.rapport.identity.IdentityApi;
import io.rapport.shared.ConflictException;
import io.rapport.shared.InvalidInputException;
import io.rapport.shared.PageResult;
import io.rapport.shared.SafeHtml;
import io.rapport.tickets.AuthorKind;
import io.rapport.tickets.Channel;
import io.rapport.tickets.ChangeView;
import io.rapport.tickets.MessagePosted;
import io.rapport.tickets.MessageView;
import io.rapport.tickets.NewMessage;
import io.rapport.tickets.NewTicket;
import io.rapport.tickets.TicketCreated;
import io.rapport.tickets.TicketEscalated;
import io.rapport.tickets.TicketFilter;
import io.rapport.tickets.TicketNotFoundException;
import io.rapport.tickets.TicketPriority;
import io.rapport.tickets.TicketSolved;
import io.rapport.tickets.TicketStatus;
import io.rapport.tickets.TicketType;
import io.rapport.tickets.TicketUpdate;
import io.rapport.tickets.TicketView;
import io.rapport.tickets.TicketsApi;
import io.rapport.tickets.Upload;
import io.rapport.tickets.Visibility;
import jakarta.persistence.EntityManager;
import jakarta.persistence.OptimisticLockException;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

@Service
class TicketService implements TicketsApi {

	static final int MESSAGE_ATTEMPTS = 5;

	private final Tickets tickets;

	private final Messages messages;

	private final Escalations escalations;

	private final TicketChanges changes;

	private final TicketAccess access;

	private final TicketViews views;

	private final TicketAttachments files;

	private final TicketSearch search;

	private final IdBlocks ids;

	private final AccountsApi accounts;

	private final IdentityApi identity;

	private final EntityManager entityManager;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final TransactionTemplate transactions;

	private TicketQueues queues;

	TicketService(Tickets tickets, Messages messages, Escalations escalations, TicketChanges changes,
			TicketAccess access, TicketViews views, TicketAttachments files, TicketSearch search, IdBlocks ids,
			AccountsApi accounts, IdentityApi identity, EntityManager entityManager, ApplicationEventPublisher events,
			Clock clock, PlatformTransactionManager transactionManager) {
		this.tickets = tickets;
		this.messages = messages;
		this.escalations = escalations;
		this.changes = changes;
		this.access = access;
		this.views = views;
		this.files = files;
		this.search = search;
		this.ids = ids;
		this.accounts = accounts;
		this.identity = identity;
		this.entityManager = entityManager;
		this.events = events;
		this.clock = clock;
		this.transactions = new TransactionTemplate(transactionManager);
	}

	@Override
	@Transactional
	public TicketView create(NewTicket command, AuthenticatedUser by) {
		Instant now = clock.instant();
		ContactView requester = requester(command, by);
		Channel channel = channel(command.channel(), by);
		GroupView tier1 = identity.requireGroup("group", GroupView.TIER1);
		Ticket ticket = new Ticket(ids.nextTicketId(), command.subject().strip(), requester.id(),
				requester.accountId(), orDefault(command.type(), TicketType.QUESTION),
				orDefault(command.priority(), TicketPriority.NORMAL), channel, tier1.id(),
				Tags.normalize(command.tags(), "tags"), now);
		entityManager.persist(ticket);
		messages.save(new Message(ticket.getId(), AuthorKind.CONTACT, requester.id(), Visibility.PUBLIC,
				body(command.description(), null, "description"), now));
		events.publishEvent(new TicketCreated(ticket.getId(), requester.id(), requester.accountId(), channel,
				ticket.getType(), ticket.getPriority(), tier1.key(), by.isAgent() ? by.id() : null, now));
		return views.view(ticket, requester, List.of());
	}

	@Override
	@Transactional(readOnly = true)
	public TicketView get(long id, AuthenticatedUser by) {
		return views.view(access.readable(id, by));
	}

	@Override
	@Transactional(readOnly = true)
	public PageResult<TicketView> list(TicketFilter filter, int page, int size, AuthenticatedUser by) {
		TicketFilter scoped = access.scope(filter, by);
		Page<Ticket> result = tickets.findAll(search.matching(scoped),
				PageRequest.of(page, size, Sort.by(Sort.Order.desc("updatedAt"), Sort.Order.desc("id"))));
		return new PageResult<>(views.views(result.getContent()), page, size, result.getTotalElements());
	}

	@Override
	@Transactional
	public TicketView update(long id, TicketUpdate update, AuthenticatedUser by) {
		Ticket ticket = access.forAgents(id, by);
		if (update.version() == null || update.version() != ticket.getVersion()) {
			throw new ConflictException("Ticket " + ticket.getNumber() + " was changed by someone else since you read it "
					+ "(your version " + update.version() + ", current " + ticket.getVersion() + "). Reload and retry.");
		}
		Actor actor = Actor.of(by);
		Instant now = clock.instant();
		TicketStatus before = ticket.getStatus();
		if (update.type() != null) {
			ticket.changeType(update.type(), actor, now);
		}
		if (update.priority() != null) {
			ticket.changePriority(update.priority(), actor, now);
		}
		if (update.tags() != null) {
			ticket.retag(Tags.normalize(update.tags(), "tags"), actor, now);
		}
		if (Boolean.TRUE.equals(update.unassign())) {
			ticket.assign(null, actor, now);
		}
		else if (update.assigneeId() != null) {
			requireAssignable(update.assigneeId(), ticket);
			ticket.assign(update.assigneeId(), actor, now);
		}
		if (update.status() != null) {
			ticket.changeStatus(update.status(), actor, now);
		}
		saveChanges(ticket, before, now);
		return views.view(ticket);
	}

	/**
	 * Posts in a transaction of its own, tried again when the ticket changed under it (a customer and an agent
	 * writing at the same moment), so a reply is never refused for someone else's concurrent edit.
	 */
	@Override
	public MessageView addMessage(long id, NewMessage command, List<Upload> uploads, AuthenticatedUser by) {
		files.check(uploads);
		for (int attempt = 1;; attempt++) {
			try {
				return transactions.execute(status -> postMessage(id, command, uploads, by));
			}
			catch (ConcurrentTicketChange e) {
				if (attempt == MESSAGE_ATTEMPTS || TransactionSynchronizationManager.isActualTransactionActive()) {
					throw e;
				}
			}
		}
	}

	private MessageView postMessage(long id, NewMessage command, List<Upload> uploads, AuthenticatedUser by) {
		Ticket ticket = access.readable(id, by);
		Visibility visibility = command.visibility() == null ? Visibility.PUBLIC : command.visibility();
		if (by.isContact() && visibility == Visibility.INTERNAL) {
			throw new InvalidInputException("visibility", "Customers can only write public replies.");
		}
		Instant now = clock.instant();
		Actor actor = Actor.of(by);
		TicketStatus before = ticket.getStatus();
		ticket.messageAdded(actor.kind(), visibility, actor, now);
		Message message = messages.save(new Message(ticket.getId(), actor.kind(), by.id(), visibility,
				body(command.body(), command.format(), "body"), now));
		files.store(ticket.getId(), message.getId(), uploads, now);
		saveChanges(ticket, before, now);
		events.publishEvent(new MessagePosted(ticket.getId(), message.getId(), actor.kind(), by.id(), visibility,
				by.isAgent() ? Channel.API : ticket.getChannel(), java.util.Set.of(), now));
		return views.messages(List.of(message)).get(0);
	}

	@Override
	@Transactional(readOnly = true)
	public List<MessageView> messages(long id, AuthenticatedUser by) {
		Ticket ticket = access.readable(id, by);
		return views.messages(by.isAgent() ? messages.findByTicketIdOrderByCreatedAtAscIdAsc(ticket.getId())
				: messages.findByTicketIdAndVisibilityOrderByCreatedAtAscIdAsc(ticket.getId(), Visibility.PUBLIC));
	}

	@Override
	@Transactional
	public TicketView escalate(long id, String toGroup, String reason, AuthenticatedUser by) {
		Ticket ticket = access.forAgents(id, by);
		if (toGroup == null || toGroup.isBlank()) {
			throw new InvalidInputException("to", "Choose the group to escalate to.");
		}
		GroupView to = identity.requireGroup("to", toGroup.strip());
		String from = identity.groupKey(ticket.getGroupId());
		Instant now = clock.instant();
		TicketStatus before = ticket.getStatus();
		Escalation escalation = escalations
			.save(ticket.escalateTo(to.id(), from, to.key(), reason, Actor.of(by), now));
		saveChanges(ticket, before, now);
		events.publishEvent(new TicketEscalated(ticket.getId(), from, to.key(), escalation.getReason(), by.id(), now));
		return views.view(ticket);
	}

	@Override
	@Transactional(readOnly = true)
	public List<ChangeView> history(long id, AuthenticatedUser by) {
		Ticket ticket = access.forAgents(id, by);
		return views.changes(changes.findByTicketIdOrderByAtAscIdAsc(ticket.getId()));
	}

	@Override
	@Transactional(readOnly = true)
	public AttachmentDownload attachment(long attachmentId, AuthenticatedUser by) {
		Attachment attachment = files.find(attachmentId);
		Ticket ticket;
		try {
			ticket = access.readable(attachment.getTicketId(), by);
		}
		catch (TicketNotFoundException e) {
			throw TicketNotFoundException.forAttachment(attachmentId);
		}
		if (by.isContact() && messages.findById(attachment.getMessageId())
			.filter(m -> m.getVisibility() == Visibility.PUBLIC).isEmpty()) {
			throw TicketNotFoundException.forAttachment(attachmentId);
		}
		return new AttachmentDownload(attachment.getFilename(), attachment.getContentType(),
				files.content(ticket.getId(), attachmentId));
	}

	@Override
	@Transactional(readOnly = true)
	public QueueCounts counts(AuthenticatedUser agent) {
		agent.requireAgent();
		List<Long> myGroups = identity.agent(agent.id()).map(a -> a.groups().stream()
			.map(key -> identity.groupByKey(key).map(GroupView::id).orElse(-1L)).toList()).orElse(List.of());
		Map<String, Long> byGroup = tickets.countByGroup(TicketStatus.UNSOLVED).stream()
			.collect(Collectors.toMap(row -> identity.groupKey((Long) row[0]), row -> (Long) row[1]));
		return new QueueCounts(tickets.countAssigned(agent.id(), TicketStatus.UNSOLVED),
				myGroups.isEmpty() ? 0 : tickets.countUnassigned(myGroups, TicketStatus.UNSOLVED), byGroup,
				tickets.countByStatusIn(TicketStatus.UNSOLVED));
	}

	@Override
	public PageResult<TicketView> list(TicketFilter filter, io.rapport.tickets.TicketSort sort, int page, int size,
			AuthenticatedUser by) {
		return queues.list(filter, sort, page, size, by);
	}

	@Override
	public io.rapport.tickets.BulkResult bulkChange(java.util.Collection<Long> ticketIds,
			io.rapport.tickets.BulkChange change, AuthenticatedUser by) {
		return queues.bulkChange(ticketIds, change, by);
	}

	/** Queues (sorted lists, bulk changes) live in {@link TicketQueues}; set here so the constructor stays as is. */
	@org.springframework.beans.factory.annotation.Autowired
	void useQueues(TicketQueues queues) {
		this.queues = queues;
	}

	private ContactView requester(NewTicket command, AuthenticatedUser by) {
		if (by.isContact()) {
			return accounts.contact(by.id()).orElseThrow(() -> new InvalidInputException("requester",
					"Your contact record is missing; ask support to restore it."));
		}
		if (command.requester() == null) {
			throw new InvalidInputException("requester", "Say who asks: requester.email is required.");
		}
		return accounts.findOrCreateContact(command.requester().email(), command.requester().name());
	}

	/** Customers write through the portal or the API; agents may log a ticket for any channel. */
	private static Channel channel(Channel requested, AuthenticatedUser by) {
		if (by.isContact()) {
			return requested == Channel.PORTAL ? Channel.PORTAL : Channel.API;
		}
		return requested == null ? Channel.API : requested;
	}

	private void requireAssignable(long agentId, Ticket ticket) {
		if (!identity.isActiveMember(agentId, ticket.getGroupId())) {
			throw new InvalidInputException("assigneeId", "Agent " + agentId + " is not an active member of "
					+ identity.groupKey(ticket.getGroupId()) + "; escalate the ticket to their group first.");
		}
	}

	/** Stores the recorded changes and flushes, so the version the caller gets back is the one now stored. */
	private void saveChanges(Ticket ticket, TicketStatus before, Instant now) {
		changes.saveAll(ticket.drainChanges());
		try {
			entityManager.flush();
		}
		catch (OptimisticLockException e) {
			throw ConcurrentTicketChange.on(ticket);
		}
		if (ticket.getStatus() == TicketStatus.SOLVED && before != TicketStatus.SOLVED) {
			events.publishEvent(new TicketSolved(ticket.getId(), ticket.getAccountId(), ticket.getAssigneeId(), now));
		}
	}

	private static String body(String raw, NewMessage.BodyFormat format, String field) {
		String html = format == NewMessage.BodyFormat.HTML ? SafeHtml.sanitize(raw)
				: format == NewMessage.BodyFormat.TEXT ? SafeHtml.fromText(raw) : SafeHtml.fromEither(raw);
		if (html.isBlank()) {
			throw new InvalidInputException(field, "The message has no content once unsafe markup is removed.");
		}
		return html;
	}

	private static <T> T orDefault(T value, T fallback) {
		return value == null ? fallback : value;
	}
}
