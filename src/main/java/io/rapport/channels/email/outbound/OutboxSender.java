package io.rapport.channels.email.outbound;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.MimeMessage;

import io.rapport.channels.email.Mailbox;
import io.rapport.channels.email.Mailboxes;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.eclipse.angus.mail.smtp.SMTPTransport;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Delivers the outbox. Each run takes the due rows in batches and sends a mailbox's mails over up to
 * {@value #CONNECTIONS} SMTP connections side by side (a recipient's mails always over the same one, in order), then
 * marks each row with the server's answer. Nothing here runs in a database transaction: a row is marked only
 * after the server accepted (or refused) the mail, so a crash in between sends it again, with the same Message-ID
 * (at-least-once; receivers and our own inbound deduplicate by it). Temporary failures are retried with
 * exponential backoff (1 min, 2, 4 … at most an hour apart) until 24 hours after the first attempt; a permanent
 * (5xx) answer fails the mail at once.
 */
@Component
public class OutboxSender {

	static final int BATCH = 200;

	/** SMTP connections a mailbox's batch is sent over at once (one when the batch is small). */
	static final int CONNECTIONS = 4;

	/** Mails per connection below which another connection is not worth opening. */
	private static final int PER_CONNECTION = 25;

	static final Duration FIRST_RETRY = Duration.ofMinutes(1);

	static final Duration MAX_RETRY = Duration.ofHours(1);

	static final Duration GIVE_UP_AFTER = Duration.ofHours(24);

	private static final Duration RUN_BUDGET = Duration.ofSeconds(30);

	private final Outbox outbox;

	private final Mailboxes mailboxes;

	private final SmtpConnections connections;

	private final MailComposer composer;

	private final Clock clock;

	OutboxSender(Outbox outbox, Mailboxes mailboxes, SmtpConnections connections, MailComposer composer, Clock clock) {
		this.outbox = outbox;
		this.mailboxes = mailboxes;
		this.connections = connections;
		this.composer = composer;
		this.clock = clock;
	}

	/** The scheduled run, under the job lock (ShedLock locks only methods that return nothing). */
	@Scheduled(fixedDelayString = "${rapport.mail.outbox.delay:PT1S}")
	@SchedulerLock(name = "mail-outbox")
	public void run() {
		sendDue();
	}

	/** One run: sends what is due, batch after batch, for at most half a minute. Answers how many were accepted. */
	public int sendDue() {
		long deadline = System.nanoTime() + RUN_BUDGET.toNanos();
		int sent = 0;
		while (System.nanoTime() < deadline) {
			List<OutboundMail> due = outbox.due(clock.instant(), BATCH);
			List<Outbox.Delivery> deliveries = send(due);
			outbox.sent(deliveries);
			sent += (int) deliveries.stream().filter(d -> d.status() == OutboundMail.Status.SENT).count();
			if (due.size() < BATCH) {
				break;
			}
		}
		return sent;
	}

	private List<Outbox.Delivery> send(List<OutboundMail> due) {
		Map<Long, List<OutboundMail>> byMailbox = due.stream()
			.collect(Collectors.groupingBy(OutboundMail::mailboxId, LinkedHashMap::new, Collectors.toList()));
		Map<Long, Mailbox> boxes = mailboxes.findAllById(byMailbox.keySet()).stream()
			.collect(Collectors.toMap(Mailbox::getId, Function.identity()));
		List<Outbox.Delivery> deliveries = new ArrayList<>(due.size());
		byMailbox.forEach((id, mails) -> deliveries.addAll(send(boxes.get(id), mails)));
		return deliveries;
	}

	private List<Outbox.Delivery> send(Mailbox mailbox, List<OutboundMail> mails) {
		if (mailbox == null || !mailbox.isActive() || mailbox.getSmtpHost() == null) {
			String why = mailbox == null ? "no such mailbox" : !mailbox.isActive() ? "the mailbox is deactivated"
					: "the mailbox has no SMTP settings";
			List<Outbox.Delivery> out = new ArrayList<>(mails.size());
			mails.forEach(mail -> out.add(failed(mail, why, clock.instant())));
			return out;
		}
		Session session = connections.session(mailbox);
		int lanes = Math.min(CONNECTIONS, Math.max(1, mails.size() / PER_CONNECTION));
		if (lanes == 1) {
			return send(mailbox, session, mails);
		}
		List<List<OutboundMail>> slices = new ArrayList<>();
		for (int i = 0; i < lanes; i++) {
			slices.add(new ArrayList<>());
		}
		for (OutboundMail mail : mails) {
			slices.get(Math.floorMod(String.join(",", mail.to()).toLowerCase(Locale.ROOT).hashCode(), lanes)).add(mail);
		}
		ExecutorService executor = Executors.newFixedThreadPool(lanes);
		try {
			List<Future<List<Outbox.Delivery>>> running = new ArrayList<>();
			for (List<OutboundMail> slice : slices) {
				running.add(executor.submit(() -> send(mailbox, session, slice)));
			}
			List<Outbox.Delivery> out = new ArrayList<>(mails.size());
			for (Future<List<Outbox.Delivery>> slice : running) {
				out.addAll(slice.get());
			}
			return out;
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while the outbox was sent", e);
		}
		catch (ExecutionException e) {
			throw new IllegalStateException("A connection of the outbox failed", e.getCause());
		}
		finally {
			executor.shutdown();
		}
	}

	/** Sends mails in order over one connection, opened at the first and closed at the end. */
	private List<Outbox.Delivery> send(Mailbox mailbox, Session session, List<OutboundMail> mails) {
		List<Outbox.Delivery> out = new ArrayList<>(mails.size());
		Transport transport = null;
		Exception unreachable = null;
		try {
			for (OutboundMail mail : mails) {
				Instant now = clock.instant();
				if (unreachable != null) {
					out.add(retryOrFail(mail, unreachable, now));
					continue;
				}
				try {
					if (transport == null) {
						transport = connect(session, mailbox);
					}
					MimeMessage message = composer.compose(session, mail, mailbox, Date.from(now));
					transport.sendMessage(message, message.getAllRecipients());
					out.add(sent(mail, answer(transport, "250 OK"), now));
				}
				catch (SendFailedException e) {
					boolean delivered = e.getValidSentAddresses() != null && e.getValidSentAddresses().length > 0;
					out.add(delivered ? sent(mail, words(e), now) : retryOrFail(mail, e, now));
				}
				catch (Unreachable e) {
					unreachable = (Exception) e.getCause();
					out.add(retryOrFail(mail, unreachable, now));
				}
				catch (MessagingException | java.io.IOException | RuntimeException e) {
					out.add(retryOrFail(mail, e, now));
					transport = close(transport);
				}
			}
		}
		finally {
			close(transport);
		}
		return out;
	}

	/** A server that cannot be reached (or refuses the login) is not tried again for the rest of the batch. */
	private Transport connect(Session session, Mailbox mailbox) throws Unreachable {
		try {
			return connections.connect(session, mailbox);
		}
		catch (MessagingException | RuntimeException e) {
			throw new Unreachable(e);
		}
	}

	private Outbox.Delivery sent(OutboundMail mail, String answer, Instant now) {
		return new Outbox.Delivery(mail.id(), OutboundMail.Status.SENT, mail.attempts() + 1, first(mail, now), now,
				answer, now);
	}

	private Outbox.Delivery failed(OutboundMail mail, String answer, Instant now) {
		return new Outbox.Delivery(mail.id(), OutboundMail.Status.FAILED, mail.attempts() + 1, first(mail, now), now,
				answer, null);
	}

	/** A permanent answer, or the 24 hours spent, fail the mail; anything else tries again later. */
	Outbox.Delivery retryOrFail(OutboundMail mail, Exception e, Instant now) {
		String answer = words(e);
		Instant first = first(mail, now);
		Instant giveUp = first.plus(GIVE_UP_AFTER);
		if (SmtpAnswers.permanent(e) || !now.isBefore(giveUp)) {
			return failed(mail, answer, now);
		}
		int attempts = mail.attempts() + 1;
		Duration wait = FIRST_RETRY.multipliedBy(1L << Math.min(attempts - 1, 10));
		Instant next = now.plus(wait.compareTo(MAX_RETRY) > 0 ? MAX_RETRY : wait);
		return new Outbox.Delivery(mail.id(), OutboundMail.Status.QUEUED, attempts, first,
				next.isAfter(giveUp) ? giveUp : next, answer, null);
	}

	private static Instant first(OutboundMail mail, Instant now) {
		return mail.firstAttemptAt() == null ? now : mail.firstAttemptAt();
	}

	private static String answer(Transport transport, String otherwise) {
		String last = transport instanceof SMTPTransport smtp ? smtp.getLastServerResponse() : null;
		return last == null || last.isBlank() ? otherwise : SmtpAnswers.trim(last);
	}

	private static String words(Exception e) {
		return SmtpAnswers.words(e);
	}

	private static final class Unreachable extends Exception {

		Unreachable(Exception cause) {
			super(cause);
		}
	}

	private static Transport close(Transport transport) {
		if (transport != null) {
			try {
				transport.close();
			}
			catch (MessagingException e) {
				// the connection is gone either way; the next mail opens a new one
			}
		}
		return null;
	}
}
