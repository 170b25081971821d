package io.rapport.channels.email;

import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The mailboxes as the mail paths read them: every pushed, polled and sent mail needs its mailbox, and the list of
 * all of them to recognize our own addresses. Read from the database for each mail, that was a fifth of the push
 * endpoint's CPU; here they are read at most every few seconds (another node's change is seen within
 * {@link #FRESH_FOR}) and at once after a change made on this node: {@link Mailbox}'s persistence callbacks call
 * {@link #changed()} when a mailbox is written, and again when that transaction ends.
 * <p>
 * The mailboxes returned are detached copies shared between threads: read them, never change or save them (admin
 * pages and the API edit mailboxes through {@link Mailboxes}). They are loaded in a read-only transaction of their
 * own, so they never join the persistence context of the caller's transaction.
 */
@Component
public class MailboxDirectory {

	static final Duration FRESH_FOR = Duration.ofSeconds(5);

	private final Mailboxes mailboxes;

	private final TransactionTemplate ownReadOnly;

	private final ReentrantLock loading = new ReentrantLock();

	/** Counts the changes to mailboxes made in this process; a snapshot older than the last change is stale. */
	private static final AtomicLong CHANGES = new AtomicLong();

	private volatile Snapshot snapshot;

	MailboxDirectory(Mailboxes mailboxes, PlatformTransactionManager transactionManager) {
		this.mailboxes = mailboxes;
		this.ownReadOnly = new TransactionTemplate(transactionManager);
		this.ownReadOnly.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
		this.ownReadOnly.setReadOnly(true);
	}

	private record Snapshot(List<Mailbox> all, Map<Long, Mailbox> byId, long loadedAtNanos, long changes) {

		boolean stale() {
			return changes != CHANGES.get();
		}

		boolean fresh() {
			return !stale() && System.nanoTime() - loadedAtNanos < FRESH_FOR.toNanos();
		}
	}

	/** Every mailbox, active or not, by id. */
	public List<Mailbox> all() {
		return current().all();
	}

	public Optional<Mailbox> find(long id) {
		return Optional.ofNullable(current().byId().get(id));
	}

	public boolean exists(long id) {
		return current().byId().containsKey(id);
	}

	/** The active default mailbox, the one portal and API tickets are answered from. */
	public Optional<Mailbox> defaultMailbox() {
		return all().stream().filter(Mailbox::isDefaultMailbox).filter(Mailbox::isActive).findFirst();
	}

	/**
	 * A mailbox was created, changed or deleted in this process: the next read loads them again, and again once the
	 * transaction that wrote it has ended (a read between the write and its commit would load the old row). Called
	 * by {@link Mailbox}'s persistence callbacks; code that writes the table by SQL calls it itself.
	 */
	public static void changed() {
		CHANGES.incrementAndGet();
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCompletion(int status) {
					CHANGES.incrementAndGet();
				}
			});
		}
	}

	/**
	 * A fresh snapshot, loaded by one thread at a time. While another thread loads, a caller that has an older
	 * snapshot reads that one instead of waiting: it may hold a database connection, and the loader needs one.
	 */
	private Snapshot current() {
		Snapshot current = snapshot;
		if (current != null && current.fresh()) {
			return current;
		}
		if (current != null && !current.stale() && !loading.tryLock()) {
			return current;
		}
		if (current == null || current.stale()) {
			loading.lock();
		}
		try {
			Snapshot again = snapshot;
			if (again != null && again.fresh()) {
				return again;
			}
			long started = System.nanoTime();
			long changes = CHANGES.get();
			List<Mailbox> loaded = ownReadOnly.execute(status -> mailboxes.findAll());
			List<Mailbox> sorted = loaded.stream().sorted(Comparator.comparing(Mailbox::getId)).toList();
			Snapshot fresh = new Snapshot(sorted,
					sorted.stream().collect(Collectors.toUnmodifiableMap(Mailbox::getId, Function.identity())),
					started, changes);
			snapshot = fresh;
			return fresh;
		}
		finally {
			loading.unlock();
		}
	}
}
