package io.rapport.channels.email.inbound;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.locks.LockSupport;

import io.rapport.channels.email.MailIngest;
import io.rapport.channels.email.MailOutcome;
import io.rapport.channels.email.MailboxDirectory;
import io.rapport.shared.NotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The inbound pipeline: a mail is stored raw under its dedupe key and processed in one transaction, which holds the
 * ticket change and the row's outcome together: either all happened or none did. The mail's source keeps it until
 * then (an IMAP mail is flagged only after the commit, a push is answered only after it), so a crash midway loses
 * nothing: the source delivers it again. A second delivery of a stored mail is a duplicate; one arriving while the
 * first is processed waits on the dedupe key and then finds it done. When processing fails, the raw mail is stored
 * in a transaction of its own with the failed try counted, and the retry job tries again, as it does for any row
 * left at RECEIVED; two processors of one mail (the retry job, a redelivery, on two nodes) take turns on the row's
 * lock and the second finds it done.
 */
@Service
class InboundPipeline implements MailIngest {

	static final int MAX_ATTEMPTS = 3;

	private static final Logger log = LoggerFactory.getLogger(InboundPipeline.class);

	/** How long a duplicate waits for the first delivery's ticket while that one is still being processed. */
	private static final Duration DUPLICATE_WAIT = Duration.ofSeconds(5);

	private final InboundMails mails;

	private final MailProcessor processor;

	private final MailboxDirectory mailboxes;

	private final Clock clock;

	private final TransactionTemplate transactions;

	InboundPipeline(InboundMails mails, MailProcessor processor, MailboxDirectory mailboxes, Clock clock,
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
		if (!mailboxes.exists(mailboxId)) {
			throw NotFoundException.of("errors.inbound.mailbox-unknown", String.valueOf(mailboxId));
		}
		String messageId = DedupeKeys.messageId(raw);
		String key = DedupeKeys.of(messageId, raw);
		Instant receivedAt = clock.instant();
		try {
			return transactions.execute(status -> decide(store(mailboxId, key, messageId, raw, receivedAt), raw,
					false));
		}
		catch (AlreadyStored e) {
			return duplicate(mailboxId, key);
		}
		catch (RuntimeException e) {
			return storeFailedTry(mailboxId, key, messageId, raw, receivedAt, e);
		}
	}

	/**
	 * Processes a stored mail. {@code release}: an admin let it through, so the rules that held it (spam, flood)
	 * are skipped and a failed mail gets a fresh try. {@code skipLocked}: answer empty when another processor holds
	 * it (the retry job) instead of waiting.
	 */
	Optional<IngestResult> process(long id, boolean release, boolean skipLocked) {
		try {
			return Optional.ofNullable(transactions.execute(status -> processLocked(id, release, skipLocked)));
		}
		catch (RuntimeException e) {
			return Optional.of(failedTry(id, e));
		}
	}

	/** The new row, ours until the transaction ends: a second delivery of the mail waits for it on the key. */
	private InboundMail store(long mailboxId, String key, String messageId, byte[] raw, Instant receivedAt) {
		try {
			long id = mails.insert(mailboxId, key, messageId, raw, receivedAt);
			return new InboundMail(id, mailboxId, key, messageId, raw.length, receivedAt, InboundMail.Status.RECEIVED,
					null, null, null, 0, null, null, null);
		}
		catch (DuplicateKeyException e) {
			throw new AlreadyStored();
		}
	}

	private IngestResult processLocked(long id, boolean release, boolean skipLocked) {
		InboundMail row = mails.lock(id, skipLocked).orElse(null);
		if (row == null) {
			return null;
		}
		if (row.status() != InboundMail.Status.RECEIVED && !(release && row.status() != InboundMail.Status.DONE
				&& row.status() != InboundMail.Status.DELETED)) {
			return result(row);
		}
		byte[] raw = mails.raw(id).orElseThrow(() -> new IllegalStateException("inbound mail " + id + " has no raw"));
		return decide(row, raw, release);
	}

	private IngestResult decide(InboundMail row, byte[] raw, boolean release) {
		MailProcessor.Decision decision = processor.process(row, raw, release);
		mails.finish(row.id(), decision.status(), decision.outcome(), decision.ticketId(), decision.ticketMessageId(),
				decision.reason(), decision.fromAddress(), decision.subject(), clock.instant());
		return new IngestResult(row.dedupeKey(), decision.ticketId(), decision.outcome());
	}

	/**
	 * A first try that threw, its transaction rolled back: the mail is stored now with the try counted, for the
	 * retry job. A delivery of the same mail that stored it meanwhile makes this one a duplicate.
	 */
	private IngestResult storeFailedTry(long mailboxId, String key, String messageId, byte[] raw, Instant receivedAt,
			RuntimeException error) {
		String reason = words(error);
		log.warn("Inbound mail {} could not be processed: {}", key, reason, error);
		try {
			transactions.executeWithoutResult(status -> mails
				.attempted(mails.insert(mailboxId, key, messageId, raw, receivedAt), reason, clock.instant()));
		}
		catch (DuplicateKeyException e) {
			return duplicate(mailboxId, key);
		}
		return new IngestResult(key, null, MailOutcome.QUEUED);
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
				null, null, reason, null, null, now));
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

	/** The mailbox has this mail already: thrown from inside the transaction so that it rolls back. */
	private static final class AlreadyStored extends RuntimeException {

		AlreadyStored() {
			super(null, null, false, false);
		}
	}

	/** What went wrong, in a line an admin can read: the error's type and message, never a stack trace. */
	static String words(Throwable error) {
		String message = error.getMessage() == null ? "" : ": " + error.getMessage().replaceAll("\\s+", " ");
		String line = error.getClass().getSimpleName() + message;
		return line.length() > 900 ? line.substring(0, 900) + "…" : line;
	}
}
