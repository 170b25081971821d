package io.rapport.workflows.internal;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import io.rapport.channels.EmailApi;
import io.rapport.identity.AgentView;
import io.rapport.identity.IdentityApi;
import io.rapport.notifications.NewNotification;
import io.rapport.notifications.NotificationsApi;
import io.rapport.shared.web.PublicLinks;
import io.rapport.tickets.TicketLookup.TicketHeader;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * Tells the assignee and every active member of the ticket's group that a target nears its breach or has breached.
 * The dedup key is the target's id and the threshold, so a sweep that runs again tells nobody twice. The assignee is
 * also mailed (in the language of their profile) when a mailbox can send, once: only when their notification was new.
 */
@Component
class SlaNotices {

	static final String WARNING = "sla_warning";

	static final String BREACH = "sla_breach";

	private final NotificationsApi notifications;

	private final IdentityApi identity;

	private final EmailApi mail;

	private final MessageSource messages;

	private final PublicLinks links;

	SlaNotices(NotificationsApi notifications, IdentityApi identity, EmailApi mail, MessageSource messages,
			PublicLinks links) {
		this.notifications = notifications;
		this.identity = identity;
		this.mail = mail;
		this.messages = messages;
		this.links = links;
	}

	/**
	 * {@code threshold} is the percentage warned at, or 100 for the breach. The group is the one the target
	 * recorded (kept in step with the ticket by re-evaluation). The assignee's notice is stored alone, to know
	 * whether it is new and so mail once; the group's members' are stored in one batch. Answers how many agents
	 * were told (or had been already).
	 */
	int tell(SlaTarget target, TicketHeader ticket, int threshold) {
		boolean breach = threshold >= 100;
		String key = breach ? "notification.sla.breach." + target.kind() : "notification.sla.warning." + target.kind();
		List<String> args = new ArrayList<>(List.of(String.valueOf(ticket.number()), ticket.subject(),
				target.policyName(), target.kind().name(), String.valueOf(threshold)));
		String kind = breach ? BREACH : WARNING;
		String dedup = "sla:" + target.id() + ":" + threshold;
		Long assignee = ticket.assigneeId() != null && identity.agent(ticket.assigneeId()).filter(AgentView::active)
			.isPresent() ? ticket.assigneeId() : null;
		if (assignee != null
				&& notifications.notify(NewNotification.aboutTicket(assignee, kind, ticket.id(), key, args, dedup))) {
			mailAssignee(assignee, ticket, key, args);
		}
		Set<Long> members = new LinkedHashSet<>();
		if (target.groupKey() != null) {
			identity.groupByKey(target.groupKey())
				.ifPresent(g -> identity.activeAgentsIn(g.id()).forEach(a -> members.add(a.id())));
		}
		if (assignee != null) {
			members.remove(assignee);
		}
		notifications.notifyEach(members.stream()
			.map(id -> NewNotification.aboutTicket(id, kind, ticket.id(), key, args, dedup)).toList());
		return members.size() + (assignee == null ? 0 : 1);
	}

	private void mailAssignee(long agentId, TicketHeader ticket, String key, List<String> args) {
		AgentView agent = identity.agent(agentId).orElse(null);
		if (agent == null || agent.email() == null || !mail.canSend()) {
			return;
		}
		Locale language = identity.agentLanguage(agentId).orElse(Locale.ENGLISH);
		String message = messages.getMessage(key, args.toArray(), key, language);
		mail.sendTemplate(agent.email(), agent.name(), "sla.alert", language,
				Map.of("ticketNumber", String.valueOf(ticket.number()), "subject", ticket.subject(), "message", message,
						"link", links.to("/tickets/" + ticket.id())));
	}
}
