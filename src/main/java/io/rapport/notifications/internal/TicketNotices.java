package io.rapport.notifications.internal;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import io.rapport.accounts.AccountsApi;
import io.rapport.accounts.ContactView;
import io.rapport.identity.AgentView;
import io.rapport.identity.GroupView;
import io.rapport.identity.IdentityApi;
import io.rapport.notifications.NewNotification;
import io.rapport.notifications.NotificationsApi;
import io.rapport.notifications.TicketFollowers;
import io.rapport.tickets.AuthorKind;
import io.rapport.tickets.MessagePosted;
import io.rapport.tickets.TicketAssigned;
import io.rapport.tickets.TicketEscalated;
import io.rapport.tickets.TicketLookup;
import io.rapport.tickets.TicketLookup.TicketHeader;
import io.rapport.tickets.TicketStatus;
import io.rapport.tickets.TicketStatusChanged;

import org.springframework.stereotype.Component;

/**
 * Decides who is told what when something happens to a ticket. Every notification's dedup key is built from the
 * event alone (a message id, or the ticket and the event's time), so handling an event twice tells no one twice.
 * Only active agents are told, and never about what they did themselves.
 */
@Component
class TicketNotices {

	static final String ASSIGNED = "assigned";

	static final String MENTIONED = "mentioned";

	static final String CUSTOMER_REPLIED = "customer_replied";

	static final String ESCALATED = "escalated";

	static final String SOLVED = "solved";

	private final NotificationsApi notifications;

	private final TicketFollowers followers;

	private final TicketLookup tickets;

	private final IdentityApi identity;

	private final AccountsApi accounts;

	TicketNotices(NotificationsApi notifications, TicketFollowers followers, TicketLookup tickets,
			IdentityApi identity, AccountsApi accounts) {
		this.notifications = notifications;
		this.followers = followers;
		this.tickets = tickets;
		this.identity = identity;
		this.accounts = accounts;
	}

	void assigned(TicketAssigned event) {
		Long to = event.toAgentId();
		if (to == null || (event.byKind() == AuthorKind.AGENT && to.equals(event.byId()))) {
			return;
		}
		tickets.header(event.ticketId()).ifPresent(ticket -> tell(Set.of(to), null, ticket, ASSIGNED,
				byKey("notification.assigned", event.byKind()), agentName(event.byKind(), event.byId()),
				"assigned:" + to + ":" + event.at()));
	}

	void messagePosted(MessagePosted event) {
		if (event.authorType() == AuthorKind.AGENT && !event.mentionedAgentIds().isEmpty()) {
			Set<Long> mentioned = new LinkedHashSet<>(event.mentionedAgentIds());
			mentioned.remove(event.authorId());
			mentioned.removeIf(id -> active(id).isEmpty());
			tickets.header(event.ticketId()).ifPresent(ticket -> {
				mentioned.forEach(id -> followers.follow(ticket.id(), id));
				tell(mentioned, event.authorId(), ticket, MENTIONED, "notification.mentioned",
						agentName(AuthorKind.AGENT, event.authorId()), "mention:" + event.messageId());
			});
		}
		if (event.authorType() == AuthorKind.CONTACT && !event.autoReply() && !event.description()) {
			tickets.header(event.ticketId()).ifPresent(ticket -> tell(assigneeAndFollowers(ticket), null, ticket,
					CUSTOMER_REPLIED, "notification.customerReplied", contactName(event.authorId(), ticket),
					"reply:" + event.messageId()));
		}
	}

	void escalated(TicketEscalated event) {
		Optional<GroupView> group = identity.groupByKey(event.toGroup());
		if (group.isEmpty()) {
			return;
		}
		Set<Long> members = new LinkedHashSet<>();
		identity.activeAgentsIn(group.get().id()).forEach(agent -> members.add(agent.id()));
		tickets.header(event.ticketId()).ifPresent(ticket -> tell(members, event.byAgentId(), ticket, ESCALATED,
				"notification.escalated", agentName(AuthorKind.AGENT, event.byAgentId()),
				"escalated:" + event.toGroup() + ":" + event.at(), group.get().name()));
	}

	void statusChanged(TicketStatusChanged event) {
		if (event.to() != TicketStatus.SOLVED) {
			return;
		}
		Long by = event.byKind() == AuthorKind.AGENT ? event.byId() : null;
		tickets.header(event.ticketId()).ifPresent(ticket -> tell(assigneeAndFollowers(ticket), by, ticket, SOLVED,
				byKey("notification.solved", event.byKind()), agentName(event.byKind(), event.byId()),
				"solved:" + event.at()));
	}

	private Set<Long> assigneeAndFollowers(TicketHeader ticket) {
		Set<Long> recipients = new LinkedHashSet<>();
		if (ticket.assigneeId() != null) {
			recipients.add(ticket.assigneeId());
		}
		recipients.addAll(followers.followers(ticket.id()));
		return recipients;
	}

	/** The arguments are always: who, ticket number, subject, then any extra (a group's name). */
	private void tell(Set<Long> recipients, Long except, TicketHeader ticket, String kind, String key, String who,
			String dedup, String... extra) {
		List<String> args = new ArrayList<>(List.of(who, String.valueOf(ticket.number()), ticket.subject()));
		args.addAll(List.of(extra));
		recipients.stream()
			.filter(id -> !id.equals(except))
			.filter(id -> active(id).isPresent())
			.forEach(id -> notifications.notify(NewNotification.aboutTicket(id, kind, ticket.id(), key, args,
					"ticket:" + ticket.id() + ":" + dedup)));
	}

	private Optional<AgentView> active(long agentId) {
		return identity.agent(agentId).filter(AgentView::active);
	}

	/** Rapport itself (an automation, a channel) has no name: its notifications read "was assigned to you". */
	private static String byKey(String key, AuthorKind by) {
		return by == AuthorKind.AGENT ? key : key + "BySystem";
	}

	private String agentName(AuthorKind kind, Long id) {
		return kind == AuthorKind.AGENT && id != null ? identity.agent(id).map(AgentView::name).orElse("") : "";
	}

	/** The message's author, or the requester when the author is unknown (a contact since deleted). */
	private String contactName(Long contactId, TicketHeader ticket) {
		return Optional.ofNullable(contactId).flatMap(accounts::contact)
			.or(() -> accounts.contact(ticket.requesterId()))
			.map(ContactView::displayName)
			.orElse("");
	}
}
