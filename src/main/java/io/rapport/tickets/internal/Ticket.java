package io.rapport.tickets.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import io.rapport.shared.ConflictException;
import io.rapport.shared.InvalidInputException;
import io.rapport.tickets.AuthorKind;
import io.rapport.tickets.Channel;
import io.rapport.tickets.MessagePosted;
import io.rapport.tickets.TicketAssigned;
import io.rapport.tickets.TicketClosed;
import io.rapport.tickets.TicketCreated;
import io.rapport.tickets.TicketEscalated;
import io.rapport.tickets.TicketPriority;
import io.rapport.tickets.TicketPriorityChanged;
import io.rapport.tickets.TicketReopened;
import io.rapport.tickets.TicketSolved;
import io.rapport.tickets.TicketStatus;
import io.rapport.tickets.TicketStatusChanged;
import io.rapport.tickets.TicketTagsChanged;
import io.rapport.tickets.TicketType;
import io.rapport.tickets.TicketTypeChanged;
import io.rapport.tickets.Visibility;
import io.rapport.tickets.internal.search.TicketDocument;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderBy;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;
import jakarta.persistence.Version;
import org.hibernate.search.mapper.pojo.bridge.mapping.annotation.TypeBinderRef;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.Indexed;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.TypeBinding;

/**
 * A customer's request and the rules of its life: where it may go next, what a reply does to it, a record of
 * every change, which {@link #drainChanges()} hands to the history, and the events other modules hear of, which
 * {@link #drainEvents()} hands to the publisher in the same transaction. Its number is its id, drawn before it is
 * stored ({@link IdBlocks}), so people have a number to quote as soon as it exists.
 */
@Entity
@Table(name = "tickets")
@jakarta.persistence.EntityListeners(TicketSearchIndexer.class)
@Indexed(index = "tickets_v2") // the name changes with the fields' structure: a new index is built at start
@TypeBinding(binder = @TypeBinderRef(type = TicketDocument.class))
public class Ticket {

	@Id
	private Long id;

	@Column(name = "ticket_number")
	private long number;

	private String subject;

	@Column(name = "requester_id")
	private long requesterId;

	@Column(name = "account_id")
	private Long accountId;

	@Enumerated(EnumType.STRING)
	private TicketType type;

	@Enumerated(EnumType.STRING)
	private TicketPriority priority;

	@Enumerated(EnumType.STRING)
	private TicketStatus status;

	@Enumerated(EnumType.STRING)
	private Channel channel;

	@Column(name = "group_id")
	private long groupId;

	@Column(name = "assignee_id")
	private Long assigneeId;

	@ElementCollection
	@CollectionTable(name = "ticket_tags", joinColumns = @JoinColumn(name = "ticket_id"))
	@OrderColumn(name = "tag_position")
	@Column(name = "tag")
	private List<String> tags = new ArrayList<>();

	@ElementCollection
	@CollectionTable(name = "ticket_ccs", joinColumns = @JoinColumn(name = "ticket_id"))
	@Column(name = "email")
	@OrderBy
	private Set<String> ccs = new LinkedHashSet<>();

	@Column(name = "created_at")
	private Instant createdAt;

	@Column(name = "updated_at")
	private Instant updatedAt;

	@Column(name = "first_response_at")
	private Instant firstResponseAt;

	@Column(name = "solved_at")
	private Instant solvedAt;

	@Version
	private Long version;

	/** The next SLA due time, which workflows keeps ({@code TicketDeadlines}); read here only to sort by it. */
	@Column(name = "sla_due_at", insertable = false, updatable = false)
	@org.hibernate.annotations.OptimisticLock(excluded = true)
	private Instant slaDueAt;

	@Column(name = "search_key")
	@org.hibernate.annotations.OptimisticLock(excluded = true)
	private String searchKey;

	@Column(name = "requester_key")
	@org.hibernate.annotations.OptimisticLock(excluded = true)
	private String requesterKey;

	@Column(name = "account_key")
	@org.hibernate.annotations.OptimisticLock(excluded = true)
	private String accountKey;

	/** The language the requester read when the ticket was opened; search falls back to it (docs/search.md). */
	@Column(name = "requester_locale")
	@org.hibernate.annotations.OptimisticLock(excluded = true)
	private String requesterLocale;

	@Transient
	private final List<TicketChange> changes = new ArrayList<>();

	@Transient
	private final List<Object> events = new ArrayList<>();

	/**
	 * The messages of a ticket opened in this session, every one of them posted through it: its first search
	 * document is built from them instead of a query (TicketDocument). Null for a ticket read from the database.
	 */
	@Transient
	private List<Message> openedWith;

	protected Ticket() {
	}

	private Ticket(long id, String subject, long requesterId, Long accountId, TicketType type,
			TicketPriority priority, Channel channel, long groupId, List<String> tags, Instant now) {
		this.id = id;
		this.number = id;
		this.subject = subject;
		this.requesterId = requesterId;
		this.accountId = accountId;
		this.type = type;
		this.priority = priority;
		this.channel = channel;
		this.groupId = groupId;
		this.tags.addAll(tags);
		this.status = TicketStatus.NEW;
		this.createdAt = now;
		this.updatedAt = now;
	}

	/** A new ticket in the first group; {@code byAgentId} is the agent who opened it for the customer, if any. */
	static Ticket open(long id, String subject, long requesterId, Long accountId, TicketType type,
			TicketPriority priority, Channel channel, long groupId, String groupKey, List<String> tags, Long byAgentId,
			Instant now) {
		Ticket ticket = new Ticket(id, subject, requesterId, accountId, type, priority, channel, groupId, tags, now);
		ticket.openedWith = new ArrayList<>(1);
		ticket.events.add(new TicketCreated(id, requesterId, accountId, channel, type, priority, groupKey, byAgentId,
				now));
		return ticket;
	}

	void changeStatus(TicketStatus to, Actor by, Instant now) {
		if (to == status) {
			return;
		}
		requireNotClosed();
		if (to == TicketStatus.NEW) {
			throw InvalidInputException.of("status", "errors.ticket.status-back-to-new");
		}
		if (to == TicketStatus.CLOSED && status != TicketStatus.SOLVED) {
			throw InvalidInputException.of("status", "errors.ticket.close-unsolved");
		}
		TicketStatus from = status;
		record(by, "status", from.name(), to.name(), now);
		status = to;
		solvedAt = to == TicketStatus.SOLVED ? now : to == TicketStatus.CLOSED ? solvedAt : null;
		events.add(new TicketStatusChanged(id, from, to, by.kind(), by.id(), now));
		if (to == TicketStatus.SOLVED) {
			events.add(new TicketSolved(id, accountId, assigneeId, now));
		}
		else if (to == TicketStatus.CLOSED) {
			events.add(new TicketClosed(id, accountId, now));
		}
		else if (to == TicketStatus.OPEN && from != TicketStatus.NEW) {
			events.add(new TicketReopened(id, accountId, from, now));
		}
	}

	void changePriority(TicketPriority to, Actor by, Instant now) {
		if (to != priority) {
			requireNotClosed();
			record(by, "priority", priority.name(), to.name(), now);
			events.add(new TicketPriorityChanged(id, priority, to, now));
			priority = to;
		}
	}

	void changeType(TicketType to, Actor by, Instant now) {
		if (to != type) {
			requireNotClosed();
			record(by, "type", type.name(), to.name(), now);
			events.add(new TicketTypeChanged(id, type, to, now));
			type = to;
		}
	}

	/** Assigning a new ticket opens it: somebody is now working on it. */
	void assign(Long agentId, Actor by, Instant now) {
		if (Objects.equals(agentId, assigneeId)) {
			return;
		}
		requireNotClosed();
		record(by, "assignee", str(assigneeId), str(agentId), now);
		events.add(new TicketAssigned(id, assigneeId, agentId, by.kind(), by.id(), now));
		assigneeId = agentId;
		if (agentId != null && status == TicketStatus.NEW) {
			changeStatus(TicketStatus.OPEN, by, now);
		}
	}

	/** Tags are a list: the same tags in another order are a change, since people order them on purpose. */
	void retag(List<String> newTags, Actor by, Instant now) {
		if (!tags.equals(newTags)) {
			requireNotClosed();
			List<String> from = List.copyOf(tags);
			record(by, "tags", String.join(", ", from), String.join(", ", newTags), now);
			tags.clear();
			tags.addAll(newTags);
			events.add(new TicketTagsChanged(id, from, List.copyOf(newTags), now));
		}
	}

	/**
	 * Moves the ticket to another group with a reason. The ticket is unassigned, since the new group decides who
	 * takes it.
	 */
	Escalation escalateTo(long toGroupId, String fromKey, String toKey, String reason, Actor by, Instant now) {
		requireNotClosed();
		if (status == TicketStatus.SOLVED) {
			throw ConflictException.of("errors.ticket.escalate-solved");
		}
		if (reason == null || reason.isBlank()) {
			throw InvalidInputException.of("reason", "errors.ticket.escalation-reason");
		}
		if (toGroupId == groupId) {
			throw InvalidInputException.of("to", "errors.ticket.already-in-group", toKey);
		}
		Escalation escalation = new Escalation(id, groupId, toGroupId, reason.strip(), by.id(), now);
		record(by, "group", fromKey, toKey, now);
		groupId = toGroupId;
		assign(null, by, now);
		events.add(new TicketEscalated(id, fromKey, toKey, escalation.getReason(), by.id(), now));
		return escalation;
	}

	/**
	 * Moves the ticket to another group without a person and without a reason to write (an SLA policy's action);
	 * recorded in the history as done by {@code by}. The ticket is unassigned, as in an escalation.
	 */
	void moveTo(long toGroupId, String fromKey, String toKey, Actor by, Instant now) {
		requireNotClosed();
		if (toGroupId == groupId) {
			return;
		}
		record(by, "group", fromKey, toKey, now);
		groupId = toGroupId;
		assign(null, by, now);
	}

	/**
	 * What a stored message does: the first public agent reply that {@link #answers answers} the customer is the first
	 * response; an agent's public reply to a
	 * ticket nobody owns assigns it to that agent (as Zendesk does) when {@code replierMayTakeIt} (they belong to
	 * the ticket's group); a customer writing again reopens a ticket that waited on them or was solved, unless
	 * what came is an automatic answer (out of office).
	 */
	void messageAdded(Message message, Channel channel, Set<Long> mentionedAgentIds, Actor by,
			boolean replierMayTakeIt, Instant now) {
		requireNotClosed();
		updatedAt = now;
		AuthorKind author = message.getAuthorKind();
		if (author == AuthorKind.AGENT && message.getVisibility() == Visibility.PUBLIC) {
			if (firstResponseAt == null && answers(message)) {
				firstResponseAt = now;
			}
			if (assigneeId == null && replierMayTakeIt) {
				assign(by.id(), by, now);
			}
			if (status == TicketStatus.NEW) {
				changeStatus(TicketStatus.OPEN, by, now);
			}
		}
		if (author == AuthorKind.CONTACT && !message.isAutoReply()
				&& !(status == TicketStatus.NEW || status == TicketStatus.OPEN)) {
			changeStatus(TicketStatus.OPEN, by, now);
		}
		posted(message, channel, mentionedAgentIds, now, false);
	}

	/**
	 * Whether a public agent message answers the customer (it may be the first response): not one the agent wrote
	 * on the customer's behalf (a phone call logged: the customer's words) and not an automatic answer. Messages by
	 * Rapport itself (rules, bots) are SYSTEM and the description never comes here; {@link JdbcTicketFacts} applies
	 * the same rule.
	 */
	static boolean answers(Message message) {
		return message.getAuthorKind() == AuthorKind.AGENT && message.getVisibility() == Visibility.PUBLIC
				&& !message.isAutoReply() && message.getOnBehalfOfContactId() == null;
	}

	/** The description a ticket was opened with: news for listeners, not a reply that changes the ticket. */
	void described(Message message, Channel channel, Instant now) {
		posted(message, channel, Set.of(), now, true);
	}

	private void posted(Message message, Channel channel, Set<Long> mentionedAgentIds, Instant now,
			boolean description) {
		if (openedWith != null) {
			openedWith.add(message);
		}
		events.add(new MessagePosted(id, message.getId(), message.getAuthorKind(), message.getAuthorId(),
				message.getVisibility(), channel, mentionedAgentIds, now, message.isAutoReply(),
				message.getOnBehalfOfContactId(), description));
	}

	/**
	 * The whole conversation of a ticket opened in this session (nothing of it is in the database yet), oldest
	 * first; empty for a ticket read from the database, whose conversation is read there.
	 */
	public java.util.Optional<List<Message>> conversationOpenedHere() {
		return openedWith == null ? java.util.Optional.empty() : java.util.Optional.of(List.copyOf(openedWith));
	}

	boolean isIndexed() {
		return searchKey != null;
	}

	/**
	 * Copies addresses from a received message: lower case, never the requester's, never twice; not a change an
	 * agent made, so not in the history.
	 */
	void copy(List<String> addresses, String requesterEmail) {
		for (String address : addresses) {
			if (!address.equals(requesterEmail)) {
				ccs.add(address);
			}
		}
	}

	/** The CCs an agent set (already normalised); recorded in the history. */
	void changeCcs(List<String> to, String requesterEmail, Actor by, Instant now) {
		Set<String> wanted = new LinkedHashSet<>(to);
		wanted.remove(requesterEmail);
		if (!wanted.equals(ccs)) {
			requireNotClosed();
			record(by, "ccs", upTo2000(String.join(", ", ccs)), upTo2000(String.join(", ", wanted)), now);
			ccs.clear();
			ccs.addAll(wanted);
		}
	}

	/** What searches and name sorts read ({@link TicketSearchKeys}); not a change of the ticket. */
	void indexAs(String searchKey, String requesterKey, String accountKey) {
		this.searchKey = searchKey;
		this.requesterKey = requesterKey;
		this.accountKey = accountKey;
	}

	/** The language the requester reads ({@code en}, {@code zh-Hans}), when known; not a change of the ticket. */
	void readBy(java.util.Locale locale) {
		this.requesterLocale = locale == null ? null : locale.toLanguageTag();
	}

	List<TicketChange> drainChanges() {
		List<TicketChange> drained = List.copyOf(changes);
		changes.clear();
		return drained;
	}

	List<Object> drainEvents() {
		List<Object> drained = List.copyOf(events);
		events.clear();
		return drained;
	}

	private void record(Actor by, String field, String oldValue, String newValue, Instant now) {
		changes.add(new TicketChange(id, by.kind(), by.id(), by.label(), field, oldValue, newValue, now));
		updatedAt = now;
	}

	private void requireNotClosed() {
		if (status == TicketStatus.CLOSED) {
			throw ConflictException.of("errors.ticket.closed-follow-up", number);
		}
	}

	/** A history value fits its column; fifty long addresses would not. */
	private static String upTo2000(String value) {
		return value.length() <= 2000 ? value : value.substring(0, 1999) + "…";
	}

	private static String str(Long value) {
		return value == null ? null : value.toString();
	}

	public Long getId() {
		return id;
	}

	public long getNumber() {
		return number;
	}

	public String getSubject() {
		return subject;
	}

	public long getRequesterId() {
		return requesterId;
	}

	public Long getAccountId() {
		return accountId;
	}

	public TicketType getType() {
		return type;
	}

	public TicketPriority getPriority() {
		return priority;
	}

	public TicketStatus getStatus() {
		return status;
	}

	public Channel getChannel() {
		return channel;
	}

	public long getGroupId() {
		return groupId;
	}

	public Long getAssigneeId() {
		return assigneeId;
	}

	public List<String> getTags() {
		return tags;
	}

	public Set<String> getCcs() {
		return ccs;
	}

	public Instant getCreatedAt() {
		return createdAt;
	}

	public Instant getUpdatedAt() {
		return updatedAt;
	}

	public Instant getFirstResponseAt() {
		return firstResponseAt;
	}

	public Instant getSolvedAt() {
		return solvedAt;
	}

	/** The normalised subject, requester and account names the quick search matches ({@link TicketSearchKeys}). */
	public String getSearchKey() {
		return searchKey;
	}

	public String getRequesterLocale() {
		return requesterLocale;
	}

	public Instant getSlaDueAt() {
		return slaDueAt;
	}

	public long getVersion() {
		return version == null ? 0 : version;
	}
}
