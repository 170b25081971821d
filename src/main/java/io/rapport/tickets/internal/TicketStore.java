package io.rapport.tickets.internal;

import jakarta.persistence.EntityManager;
import jakarta.persistence.OptimisticLockException;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Ends every use case the same way: the changes a ticket recorded go to its history, the row is flushed (so the
 * version a caller gets back is the one stored, and a stale one is a conflict now rather than at commit), and the
 * events the ticket registered are published in the same transaction, where Spring Modulith's registry stores
 * them for the listeners of other modules.
 */
@Component
class TicketStore {

	private final TicketChanges changes;

	private final EntityManager entityManager;

	private final ApplicationEventPublisher events;

	TicketStore(TicketChanges changes, EntityManager entityManager, ApplicationEventPublisher events) {
		this.changes = changes;
		this.entityManager = entityManager;
		this.events = events;
	}

	void add(Ticket ticket) {
		entityManager.persist(ticket);
	}

	void save(Ticket ticket) {
		changes.saveAll(ticket.drainChanges());
		try {
			entityManager.flush();
		}
		catch (OptimisticLockException e) {
			throw ConcurrentTicketChange.on(ticket);
		}
		publish(ticket);
	}

	/** Publishes without flushing, for a new ticket whose rows the commit writes in one batch. */
	void publish(Ticket ticket) {
		ticket.drainEvents().forEach(events::publishEvent);
	}
}
