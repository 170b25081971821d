package io.rapport.shared;

import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * For tests: the publications the current transaction will store as it commits (EventBookkeeping inserts them
 * together then), to see which listeners an event was stored for without committing and so delivering it.
 */
public final class PendingPublications {

	private PendingPublications() {
	}

	/** How many publications of the current transaction are for a listener whose id contains {@code listener}. */
	public static int forListener(String listener) {
		return (int) TransactionSynchronizationManager.getSynchronizations().stream()
			.filter(EventBookkeeping.Pending.class::isInstance).map(EventBookkeeping.Pending.class::cast)
			.flatMap(p -> p.publications.stream())
			.filter(p -> p.getTargetIdentifier().getValue().contains(listener))
			.count();
	}
}
