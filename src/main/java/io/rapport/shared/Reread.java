package io.rapport.shared;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Supplier;

import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Settings that every request reads and admins seldom change (calendars, SLA policies), kept in memory: read
 * again after {@code period}, and at once after {@link #forget()}, which an edit on this node calls. An edit on
 * another node is seen within the period. A value read inside a transaction that is later rolled back is
 * forgotten with it, and a read that began before a {@link #forget()} is answered but never kept: it may miss the
 * edit (another thread reading while an edit commits).
 */
public final class Reread<T> {

	private final Supplier<T> read;

	private final Duration period;

	private final Clock clock;

	private volatile Snapshot<T> snapshot;

	/** Counts the forgets, so that a read that began before one does not keep its value. */
	private long forgotten;

	public Reread(Supplier<T> read, Duration period, Clock clock) {
		this.read = read;
		this.period = period;
		this.clock = clock;
	}

	public T get() {
		Instant now = clock.instant();
		Snapshot<T> current = snapshot;
		if (current == null || current.readAt.plus(period).isBefore(now) || current.readAt.isAfter(now)) {
			long before = forgets();
			current = new Snapshot<>(read.get(), now);
			synchronized (this) {
				if (forgotten == before) {
					snapshot = current;
				}
			}
			if (TransactionSynchronizationManager.isSynchronizationActive()) {
				Snapshot<T> taken = current;
				TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
					@Override
					public void afterCompletion(int status) {
						if (status != STATUS_COMMITTED && snapshot == taken) {
							snapshot = null;
						}
					}
				});
			}
		}
		return current.value;
	}

	/** Reads the value again at the next {@link #get()}, and again once the current transaction has ended. */
	public void forget() {
		drop();
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCompletion(int status) {
					drop();
				}
			});
		}
	}

	private synchronized void drop() {
		forgotten++;
		snapshot = null;
	}

	private synchronized long forgets() {
		return forgotten;
	}

	private record Snapshot<T>(T value, Instant readAt) {
	}

}
