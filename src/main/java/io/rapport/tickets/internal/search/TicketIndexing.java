package io.rapport.tickets.internal.search;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import io.rapport.tickets.MessagePosted;
import io.rapport.tickets.internal.Ticket;
import jakarta.persistence.EntityManager;
import org.hibernate.search.mapper.orm.Search;
import org.hibernate.search.mapper.orm.work.SearchIndexingPlan;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Keeps the ticket index current where Hibernate Search cannot see the change by itself. A ticket's own fields are
 * watched by Hibernate Search; its messages are not part of the ticket entity, so a posted message asks for the
 * ticket's document again, in the transaction that stored the message (the document is built at commit and is
 * searchable right after). Imported tickets are written with JDBC, so the importer hands their ids here.
 */
@Component
public class TicketIndexing {

	private static final int BATCH = 200;

	private final EntityManager entityManager;

	TicketIndexing(EntityManager entityManager) {
		this.entityManager = entityManager;
	}

	@EventListener
	void on(MessagePosted posted) {
		if (TransactionSynchronizationManager.isActualTransactionActive()) {
			Search.session(entityManager)
				.indexingPlan()
				.addOrUpdate(entityManager.getReference(Ticket.class, posted.ticketId()));
		}
	}

	/**
	 * Indexes tickets written without the aggregate, in the caller's transaction, a batch at a time (each batch is
	 * written to the index and let go of, so a large import does not hold every ticket in memory).
	 */
	public void index(Collection<Long> ticketIds) {
		List<Long> ids = new ArrayList<>(ticketIds);
		SearchIndexingPlan plan = Search.session(entityManager).indexingPlan();
		for (int from = 0; from < ids.size(); from += BATCH) {
			List<Ticket> batch = entityManager
				.createQuery("select t from Ticket t where t.id in :ids", Ticket.class)
				.setParameter("ids", ids.subList(from, Math.min(ids.size(), from + BATCH)))
				.getResultList();
			batch.forEach(plan::addOrUpdate);
			plan.execute();
			batch.forEach(entityManager::detach);
		}
	}
}
