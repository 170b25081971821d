package io.rapport.channels.email.inbound;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.locks.LockSupport;

import io.rapport.channels.email.MailIngest;
import io.rapport.channels.email.MailOutcome;
import io.rapport.channels.email.Mailboxes;
import io.rapport.shared.NotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The inbound pipeline: store, then process. The raw mail is committed first, alone, under its dedupe key, so a
 * crash afterwards loses nothing (the retry job finds the row still RECEIVED) and a second delivery is a
 * duplicate. Processing then runs in one transaction that holds the row's lock and contains the ticket change and
 * the row's outcome together: either both happened or neither did, so a crash between them cannot exist, and two
 * processors of one mail (the pipeline and the retry job, on two nodes) take turns and the second finds it done.
 */
@Service
class InboundPipeline implements MailIngest {

	static final int MAX_ATTEMPTS = 3;

	private static final Logger log = LoggerFactory.getLogger(InboundPipeline.class);

	/** How long a duplicate waits for the first delivery's ticket while that one is still being processed. */
	private static final Duration DUPLICATE_WAIT = Duration.ofSeconds(5);

	private final InboundMails mails;

	private final MailProcessor processor;

	private final Mailboxes mailboxes;

	private final Clock clock;

	private final TransactionTemplate transactions;

	InboundPipeline(InboundMails mails, MailProcessor processor, Mailboxes mailboxes, Clock clock,
			PlatformTransactionManager transactionManager) {
		this.mails = mails;
		this.processor = processor;
		this.mailboxes = mailboxes;
		this.clock = clock;
		this.transactions = new TransactionTemplate(transactionManager);
		this.transactions.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
	}

	@Override
	public IngestResult ingest(long mailboxId, byte[] raw) {
		if (!mailboxes.existsById(mailboxId)) {
			throw NotFoundException.of("errors.inbound.mailbox-unknown", String.valueOf(mailboxId));
		}
		String messageId = DedupeKeys.messageId(raw);
		String key = DedupeKeys.of(messageId, raw);
		long id;
		try {
			id = transactions.execute(status -> mails.insert(mailboxId, key, messageId, raw, clock.instant()));
		}
		catch (DuplicateKeyException e) {
			return duplicate(mailboxId, key);
		}
		return process(id, raw, false, false).orElseThrow();
	}

	/**
	 * Processes a stored mail. {@code release}: an admin let it through, so the rules that held it (spam, flood)
	 * are skipped and a failed mail gets a fresh try. {@code skipLocked}: answer empty when another processor holds
	 * it (the retry job) instead of waiting.
	 */
	Optional<IngestResult> process(long id, boolean release, boolean skipLocked) {
		return process(id, null, release, skipLocked);
	}

	/** {@code raw}: the bytes just stored, when the caller has them (not read back); null reads them. */
	private Optional<IngestResult> process(long id, byte[] raw, boolean release, boolean skipLocked) {
		try {
			return Optional.ofNullable(transactions.execute(status -> processLocked(id, raw, release, skipLocked)));
		}
		catch (RuntimeException e) {
			return Optional.of(failedTry(id, e));
		}
	}

	private IngestResult processLocked(long id, byte[] stored, boolean release, boolean skipLocked) {
		InboundMail row = mails.lock(id, skipLocked).orElse(null);
		if (row == null) {
			return null;
		}
		if (row.status() != InboundMail.Status.RECEIVED && !(release && row.status() != InboundMail.Status.DONE
				&& row.status() != InboundMail.Status.DELETED)) {
			return result(row);
		}
		byte[] raw = stored != null ? stored
				: mails.raw(id).orElseThrow(() -> new IllegalStateException("inbound mail " + id + " has no raw"));
		MailProcessor.Decision decision = processor.process(row, raw, release);
		mails.finish(id, decision.status(), decision.outcome(), decision.ticketId(), decision.ticketMessageId(),
				decision.reason(), clock.instant());
		return new IngestResult(row.dedupeKey(), decision.ticketId(), decision.outcome());
	}

	/** A try that threw: counted, and after the last one the mail is set aside so the mailbox moves on. */
	private IngestResult failedTry(long id, RuntimeException error) {
		String reason = words(error);
		log.warn("Inbound mail {} could not be processed: {}", id, reason, error);
		Instant now = clock.instant();
		int attempts = transactions.execute(status -> mails.attempted(id, reason, now));
		InboundMail row = mails.find(id).orElseThrow();
		if (attempts < MAX_ATTEMPTS) {
			return new IngestResult(row.dedupeKey(), null, MailOutcome.QUEUED);
		}
		transactions.executeWithoutResult(status -> mails.finish(id, InboundMail.Status.FAILED, MailOutcome.FAILED,
				null, null, reason, now));
		return new IngestResult(row.dedupeKey(), null, MailOutcome.FAILED);
	}

	/**
	 * The answer to a second delivery: the first one's ticket. While another processor holds the first (it is
	 * being processed this moment) this waits for it, up to a few seconds. When nobody holds it and it was never
	 * tried (the process that stored it died before processing it: a mail server delivers again after a crash),
	 * this delivery processes it now, under the same lock, rather than leaving it to the retry job.
	 */
	private IngestResult duplicate(long mailboxId, String key) {
		Instant deadline = Instant.now().plus(DUPLICATE_WAIT);
		Optional<InboundMail> first = Optional.empty();
		while (Instant.now().isBefore(deadline)) {
			first = mails.findByKey(mailboxId, key);
			if (first.isPresent() && (first.get().status() != InboundMail.Status.RECEIVED
					|| first.get().attempts() > 0)) {
				break;
			}
			Optional<IngestResult> processed = first.flatMap(row -> process(row.id(), false, true));
			if (processed.isPresent()) {
				return new IngestResult(key, processed.get().ticketId(), MailOutcome.DUPLICATE);
			}
			LockSupport.parkNanos(Duration.ofMillis(20).toNanos());
		}
		return new IngestResult(key, first.map(InboundMail::ticketId).orElse(null), MailOutcome.DUPLICATE);
	}

	private static IngestResult result(InboundMail row) {
		MailOutcome outcome = row.outcome() != null ? row.outcome() : MailOutcome.QUEUED;
		return new IngestResult(row.dedupeKey(), row.ticketId(), outcome);
	}

	/** What went wrong, in a line an admin can read: the error's type and message, never a stack trace. */
	static String words(Throwable error) {
		String message = error.getMessage() == null ? "" : ": " + error.getMessage().replaceAll("\\s+", " ");
		String line = error.getClass().getSimpleName() + message;
		return line.length() > 900 ? line.substring(0, 900) + "…" : line;
	}
}
