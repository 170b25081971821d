package io.rapport.channels.email.inbound;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.rapport.channels.email.Acknowledgements;
import io.rapport.channels.email.MailOutcome;
import io.rapport.channels.email.Mailbox;
import io.rapport.channels.email.mime.ParsedMail;
import io.rapport.identity.AgentView;
import io.rapport.identity.AuthenticatedUser;
import io.rapport.identity.IdentityApi;
import io.rapport.shared.InvalidInputException;
import io.rapport.shared.SafeHtml;
import io.rapport.tickets.Channel;
import io.rapport.tickets.InboundMessage;
import io.rapport.tickets.MessageView;
import io.rapport.tickets.NewMessage;
import io.rapport.tickets.NewMessage.BodyFormat;
import io.rapport.tickets.TicketIntake;
import io.rapport.tickets.TicketIntake.Received;
import io.rapport.tickets.TicketStatus;
import io.rapport.tickets.TicketsApi;
import io.rapport.tickets.Upload;
import io.rapport.tickets.Visibility;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * Hands a mail to the tickets module once its ticket is known: a new ticket (with a note when it claimed another
 * one, or follows a closed one), a customer's message, an automatic answer, or an agent's reply (only with a
 * valid signature). Records its Message-ID for threading and asks the outbox for the "we received it" mail.
 */
@Component
class MailDelivery {

	private static final Pattern REFUSED_FILE = Pattern.compile("files\\[(\\d{1,2})]");

	private final TicketIntake intake;

	private final TicketsApi tickets;

	private final IdentityApi identity;

	private final MailContent content;

	private final ReceivedMessageIds received;

	private final ObjectProvider<Acknowledgements> acknowledgements;

	private final MessageSource messages;

	private final Clock clock;

	MailDelivery(TicketIntake intake, TicketsApi tickets, IdentityApi identity, MailContent content,
			ReceivedMessageIds received, ObjectProvider<Acknowledgements> acknowledgements, MessageSource messages,
			Clock clock) {
		this.intake = intake;
		this.tickets = tickets;
		this.identity = identity;
		this.content = content;
		this.received = received;
		this.acknowledgements = acknowledgements;
		this.messages = messages;
		this.clock = clock;
	}

	/** Who the ticket is from: {@code Reply-To} when the mail names one, else {@code From}. */
	static ParsedMail.Address requester(ParsedMail mail) {
		return mail.replyTo() != null && mail.replyTo().email() != null && !mail.replyTo().email().isBlank()
				? mail.replyTo() : mail.from();
	}

	/** {@code releasedSpam}: spam an agent let through becomes a ticket, but is never answered automatically. */
	MailProcessor.Decision deliver(Mailbox mailbox, InboundMail row, ParsedMail mail, MailThreading.Target target,
			boolean releasedSpam) {
		TicketIntake.Thread thread = target.thread();
		boolean autoReply = mail.kind() == ParsedMail.Kind.AUTO_REPLY;
		boolean closed = thread != null && thread.status() == TicketStatus.CLOSED;
		if (autoReply && (thread == null || closed)) {
			return MailProcessor.Decision.ignored("inbound.reason.auto-reply");
		}
		Optional<AgentView> agent = target.signed() && !closed ? agentWriting(mail) : Optional.empty();
		if (agent.isPresent()) {
			return agentReply(mailbox, mail, thread, agent.get());
		}
		String note = closed ? text("inbound.note.follow-up", String.valueOf(thread.number()))
				: thread == null && target.claimedNumber() != null ? text("inbound.note.claimed", String.valueOf(target.claimedNumber()))
						: null;
		Long ticketId = thread == null || closed ? null : thread.ticketId();
		ParsedMail.Address from = requester(mail);
		List<Upload> uploads = new ArrayList<>(content.uploads(mail));
		Received result = receive(uploads, files -> new InboundMessage("email:" + mailbox.getId(), row.dedupeKey(),
				Channel.EMAIL, ticketId, from.email(), from.name(), null, content.subject(mail), body(mail),
				BodyFormat.HTML, files, mailbox.getGroup(), content.ccs(mail, from.email()), autoReply, note,
				mail.quotedHtml(), mail.language()));
		remember(mailbox, mail, result.ticketId(), result.messageId());
		MailOutcome outcome = ticketId == null ? MailOutcome.CREATED : MailOutcome.APPENDED;
		if (result.outcome() == TicketIntake.Outcome.CREATED && !mail.mustNotAnswer() && !releasedSpam
				&& mailbox.isNotifyReceived()) {
			acknowledgements.ifAvailable(outbox -> outbox.acknowledge(mailbox.getId(), result.thread(),
					mail.messageId()));
		}
		return new MailProcessor.Decision(InboundMail.Status.DONE, outcome, result.ticketId(), result.messageId(),
				null);
	}

	private MailProcessor.Decision agentReply(Mailbox mailbox, ParsedMail mail, TicketIntake.Thread thread,
			AgentView agent) {
		AuthenticatedUser by = AuthenticatedUser.agent(agent.id(), agent.email(), agent.name(), agent.role());
		MessageView message = tickets.addMessage(thread.ticketId(),
				new NewMessage(body(mail), Visibility.PUBLIC, BodyFormat.HTML), content.uploads(mail), by);
		remember(mailbox, mail, thread.ticketId(), message.id());
		return new MailProcessor.Decision(InboundMail.Status.DONE, MailOutcome.APPENDED, thread.ticketId(),
				message.id(), null);
	}

	/**
	 * Hands the message over; a file the tickets module refuses (an executable, too large) is left out and the
	 * rest goes on: the raw mail, which agents can download, still has it.
	 */
	private Received receive(List<Upload> uploads, Function<List<Upload>, InboundMessage> message) {
		while (true) {
			try {
				return intake.receive(message.apply(uploads));
			}
			catch (InvalidInputException e) {
				Matcher file = REFUSED_FILE.matcher(e.field() == null ? "" : e.field());
				if (!file.matches() || Integer.parseInt(file.group(1)) >= uploads.size()) {
					throw e;
				}
				uploads.remove(Integer.parseInt(file.group(1)));
			}
		}
	}

	/** An active agent whose address the mail is from. */
	private Optional<AgentView> agentWriting(ParsedMail mail) {
		String from = OurAddresses.normalize(mail.from().email());
		return identity.agents().stream().filter(AgentView::active).filter(a -> a.email().equals(from)).findFirst();
	}

	private void remember(Mailbox mailbox, ParsedMail mail, long ticketId, long messageId) {
		if (mail.messageId() != null && !mail.messageId().isBlank()) {
			received.record(mailbox.getId(), ticketId, messageId, mail.messageId(), mail.threadIndex(),
					clock.instant());
		}
	}

	private String body(ParsedMail mail) {
		String html = mail.html() == null ? "" : mail.html();
		return SafeHtml.sanitize(html).isBlank() ? SafeHtml.fromText(text("inbound.body.empty")) : html;
	}

	private String text(String key, Object... args) {
		return messages.getMessage(key, args, Locale.ENGLISH);
	}
}
