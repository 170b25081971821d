package io.rapport.surveys.nps;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import io.rapport.accounts.AccountsApi;
import io.rapport.accounts.ContactView;
import io.rapport.identity.AgentView;
import io.rapport.identity.AuthenticatedUser;
import io.rapport.identity.IdentityApi;
import io.rapport.surveys.NpsAnswered;
import io.rapport.tickets.Channel;
import io.rapport.tickets.InboundMessage;
import io.rapport.tickets.NewMessage.BodyFormat;
import io.rapport.tickets.TicketIntake;
import io.rapport.tickets.TicketUpdate;
import io.rapport.tickets.TicketView;
import io.rapport.tickets.TicketsApi;

import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * A detractor's answer (0-6) opens a follow-up ticket, once per answer, through {@link TicketIntake}: the
 * customer's comment is the customer's message, on the channel it came through (EMAIL for a mailed link, PORTAL
 * for the banner; an import is written by the importing admin on the customer's behalf, channel API), with a note
 * for agents saying why the ticket exists. The ticket is tagged {@code nps-detractor} by the agent who runs the
 * campaign (or imported the answer): tags are an agent's act in Rapport. A comment written or changed later is
 * added to the same ticket as the customer's message. {@code nps_followups} keeps which ticket and comment each
 * answer has, so a redelivered event does nothing twice.
 */
@Component
class NpsFollowUps {

	static final String TAG = "nps-detractor";

	static final String SOURCE = "nps";

	private final Answers answers;

	private final Campaigns campaigns;

	private final AccountsApi accounts;

	private final IdentityApi identity;

	private final TicketIntake intake;

	private final TicketsApi tickets;

	private final MessageSource messages;

	private final JdbcTemplate jdbc;

	private final Clock clock;

	NpsFollowUps(Answers answers, Campaigns campaigns, AccountsApi accounts, IdentityApi identity, TicketIntake intake,
			TicketsApi tickets, MessageSource messages, JdbcTemplate jdbc, Clock clock) {
		this.answers = answers;
		this.campaigns = campaigns;
		this.accounts = accounts;
		this.identity = identity;
		this.intake = intake;
		this.tickets = tickets;
		this.messages = messages;
		this.jdbc = jdbc;
		this.clock = clock;
	}

	@ApplicationModuleListener(condition = "#event.detractor()")
	public void on(NpsAnswered event) {
		Answers.Answer answer = answers.find(event.answerId()).filter(a -> a.score() <= 6).orElse(null);
		if (answer == null) {
			return;
		}
		ContactView contact = accounts.contact(answer.contactId()).orElse(null);
		if (contact == null) {
			return;
		}
		String hash = answer.commented() ? hash(answer.comment()) : null;
		List<Object[]> known = jdbc.query("select ticket_id, comment_hash from nps_followups where answer_id = ?",
				(rs, n) -> new Object[] { rs.getLong(1), rs.getString(2) }, answer.id());
		Optional<AgentView> actor = actor(answer);
		if (known.isEmpty()) {
			open(answer, contact, actor, hash);
		}
		else if (hash != null && !hash.equals(known.get(0)[1])) {
			long ticketId = (Long) known.get(0)[0];
			intake.receive(message(answer, contact, actor, ticketId, SOURCE + "-answer-" + answer.id() + "-" + hash,
					null, answer.comment(), null));
			jdbc.update("update nps_followups set comment_hash = ? where answer_id = ?", hash, answer.id());
		}
	}

	private void open(Answers.Answer answer, ContactView contact, Optional<AgentView> actor, String hash) {
		String campaign = answer.campaignId() == null ? null : campaigns.find(answer.campaignId())
			.map(Campaign::name).orElse(null);
		String subject = text("nps.followup.subject", answer.score(), contact.displayName());
		String body = answer.commented() ? answer.comment() : text("nps.followup.noComment", answer.score());
		String note = campaign == null ? text("nps.followup.noteImported", answer.score())
				: text("nps.followup.note", answer.score(), campaign);
		TicketIntake.Received received = intake.receive(message(answer, contact, actor, null,
				SOURCE + "-answer-" + answer.id(), subject, body, note));
		jdbc.update("insert into nps_followups (answer_id, ticket_id, comment_hash, created_at) values (?, ?, ?, ?)",
				answer.id(), received.ticketId(), hash, Campaigns.at(clock.instant()));
		actor.ifPresent(agent -> tag(received.ticketId(), agent));
	}

	private InboundMessage message(Answers.Answer answer, ContactView contact, Optional<AgentView> actor,
			Long ticketId, String externalId, String subject, String body, String note) {
		boolean imported = answer.source() == Answers.Source.IMPORT;
		Channel channel = imported ? Channel.API : answer.source() == Answers.Source.PORTAL ? Channel.PORTAL
				: Channel.EMAIL;
		Long agentId = imported ? actor.map(AgentView::id).orElse(null) : null;
		Locale locale = answer.language() == null ? null : Locale.forLanguageTag(answer.language());
		return new InboundMessage(SOURCE, externalId, channel, ticketId, contact.email(), contact.name(), agentId,
				subject, body, BodyFormat.TEXT, List.of(), null, List.of(), false, note, null, locale);
	}

	private void tag(long ticketId, AgentView agent) {
		AuthenticatedUser by = AuthenticatedUser.agent(agent.id(), agent.email(), agent.name(), agent.role());
		TicketView ticket = tickets.get(ticketId, by);
		if (ticket.tags().contains(TAG)) {
			return;
		}
		List<String> tags = new ArrayList<>(ticket.tags());
		tags.add(TAG);
		tickets.update(ticketId, new TicketUpdate(null, null, null, null, null, tags, ticket.version()), by);
	}

	/** The agent behind the answer: the importing admin, else whoever created the campaign. */
	private Optional<AgentView> actor(Answers.Answer answer) {
		Long agentId = answer.importedBy() != null ? answer.importedBy()
				: answer.campaignId() == null ? null
						: campaigns.find(answer.campaignId()).map(Campaign::createdBy).orElse(null);
		return agentId == null ? Optional.empty() : identity.agent(agentId);
	}

	private String text(String code, Object... args) {
		return messages.getMessage(code, args, Locale.ENGLISH);
	}

	private static String hash(String comment) {
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256").digest(comment.getBytes(StandardCharsets.UTF_8));
			return HexFormat.of().formatHex(digest, 0, 16);
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
	}
}
