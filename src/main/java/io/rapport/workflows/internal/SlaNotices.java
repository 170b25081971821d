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
import io.rapport.tickets.TicketView;

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

	/** {@code threshold} is the percentage warned at, or 100 for the breach. */
	int tell(SlaTarget target, TicketView ticket, int threshold) {
		Set<Long> recipients = new LinkedHashSet<>();
		if (ticket.assigneeId() != null) {
			recipients.add(ticket.assigneeId());
		}
		identity.groupByKey(ticket.group())
			.ifPresent(g -> identity.activeAgentsIn(g.id()).forEach(a -> recipients.add(a.id())));
		boolean breach = threshold >= 100;
		List<String> args = new ArrayList<>(List.of(String.valueOf(ticket.number()), ticket.subject(),
				target.policyName(), target.kind().name(), String.valueOf(threshold)));
		int told = 0;
		for (long id : recipients) {
			if (identity.agent(id).filter(AgentView::active).isEmpty()) {
				continue;
			}
			String key = breach ? "notification.sla.breach." + target.kind() : "notification.sla.warning." + target.kind();
			if (notifications.notify(NewNotification.aboutTicket(id, breach ? BREACH : WARNING, ticket.id(), key, args,
					"sla:" + target.id() + ":" + threshold))) {
				told++;
				if (ticket.assigneeId() != null && id == ticket.assigneeId()) {
					mailAssignee(id, ticket, key, args);
				}
			}
		}
		return told;
	}

	private void mailAssignee(long agentId, TicketView ticket, String key, List<String> args) {
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
