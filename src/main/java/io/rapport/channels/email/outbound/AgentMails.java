package io.rapport.channels.email.outbound;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;

import io.rapport.channels.email.Mailbox;
import io.rapport.identity.AgentView;
import io.rapport.identity.IdentityApi;
import io.rapport.tickets.TicketIntake;
import io.rapport.tickets.TicketLookup;

import org.springframework.stereotype.Component;

/**
 * The notices agents asked for by email ({@link AgentMailSettings}): a new ticket in one of their groups, a ticket
 * assigned to them, a customer's reply on their ticket. Written in English: an agent's workspace language is
 * identity's own, not a channel's to read.
 */
@Component
class AgentMails {

	private final OutboundMails mails;

	private final TicketIntake intake;

	private final IdentityApi identity;

	private final AgentMailSettings settings;

	private final TicketLookup lookup;

	AgentMails(OutboundMails mails, TicketIntake intake, IdentityApi identity, AgentMailSettings settings,
			TicketLookup lookup) {
		this.lookup = lookup;
		this.mails = mails;
		this.intake = intake;
		this.identity = identity;
		this.settings = settings;
	}

	boolean anyoneWantsNewTickets() {
		return !settings.wantingNewTickets().isEmpty();
	}

	void newTicket(long ticketId, String groupKey, Long byAgentId) {
		java.util.Set<Long> wanting = settings.wantingNewTickets();
		if (wanting.isEmpty()) {
			return;
		}
		List<AgentView> members = identity.groupByKey(groupKey).map(g -> identity.activeAgentsIn(g.id()))
			.orElse(List.of());
		for (AgentView agent : members) {
			if (!Long.valueOf(agent.id()).equals(byAgentId) && wanting.contains(agent.id())) {
				notice(ticketId, agent, "agent.new-ticket", "NEW:t" + ticketId + ":a" + agent.id(), null);
			}
		}
	}

	void assigned(long ticketId, long agentId, long atMillis) {
		identity.agent(agentId).filter(AgentView::active).filter(a -> settings.of(a.id()).assigned())
			.ifPresent(agent -> notice(ticketId, agent, "agent.assigned",
					"ASSIGNED:t" + ticketId + ":a" + agentId + ":" + atMillis, null));
	}

	/** Runs for every customer message: the cheap checks (an assignee who wants these mails) come first. */
	void customerReplied(long ticketId, long messageId) {
		Long assigneeId = lookup.header(ticketId).map(TicketLookup.TicketHeader::assigneeId).orElse(null);
		if (assigneeId == null || !settings.of(assigneeId).customerReplied() || mails.mailboxOf(ticketId).isEmpty()) {
			return;
		}
		TicketIntake.Thread thread = intake.thread(ticketId).orElse(null);
		if (thread == null || thread.assigneeId() == null) {
			return;
		}
		List<TicketIntake.PublicMessage> conversation = intake.publicConversation(ticketId);
		Predicate<TicketIntake.PublicMessage> isIt = m -> m.id() == messageId;
		if (conversation.isEmpty() || isIt.test(conversation.get(0))) {
			return;
		}
		String text = conversation.stream().filter(isIt).map(TicketIntake.PublicMessage::bodyText).findFirst()
			.orElse(null);
		identity.agent(thread.assigneeId()).filter(AgentView::active)
			.filter(a -> settings.of(a.id()).customerReplied())
			.ifPresent(agent -> notice(ticketId, agent, "agent.customer-replied",
					"REPLIED:m" + messageId + ":a" + agent.id(), text));
	}

	private void notice(long ticketId, AgentView agent, String template, String key, String message) {
		Mailbox mailbox = mails.mailboxOf(ticketId).orElse(null);
		TicketIntake.Thread thread = mailbox == null ? null : intake.thread(ticketId).orElse(null);
		if (thread == null) {
			return;
		}
		Map<String, String> values = mails.values(thread);
		values.put("agentName", HeaderText.clean(agent.name()));
		values.put("name", HeaderText.clean(agent.name()));
		values.put("message", message == null ? "" : message);
		mails.queue(new OutboundMails.TicketMail(OutboundMail.Kind.AGENT_NOTICE, key, mailbox, thread, null,
				List.of(agent.email()), List.of(), null, template,
				identity.agentLanguage(agent.id()).orElse(Locale.ENGLISH), values,
				message == null ? "" : org.springframework.web.util.HtmlUtils.htmlEscape(message),
				OutboundMails.Quote.NONE, List.of(), null));
	}
}
