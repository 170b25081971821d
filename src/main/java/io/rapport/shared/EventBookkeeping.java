package io.rapport.shared;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

import org.springframework.aop.framework.AopInfrastructureBean;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.modulith.events.EventPublication.Status;
import org.springframework.modulith.events.core.DefaultEventPublicationRegistry;
import org.springframework.modulith.events.core.EventPublicationRepository;
import org.springframework.modulith.events.core.EventSerializer;
import org.springframework.modulith.events.core.PublicationTargetIdentifier;
import org.springframework.modulith.events.core.TargetEventPublication;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.TransactionExecution;
import org.springframework.transaction.TransactionExecutionListener;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.function.SingletonSupplier;

/**
 * Keeps the event publication registry's bookkeeping to what crash safety needs, because every listener of every
 * event pays it (docs/decisions.md, "What a new ticket sets off is kept small"). Spring Modulith's registry, as it
 * comes, stores each publication with its own insert, then around each listener opens two new JPA transactions
 * (an entity manager, a connection, a commit) to mark the publication processing and then completed: a third of a
 * ticket creation's CPU on 2026-12-02. Here:
 * <ul>
 * <li>the publications of a transaction are inserted together, in one batch just before it commits, so they are
 * still stored with the change, atomically;</li>
 * <li>"processing" is not written: an unfinished publication is found as before (still published, and stale after
 * {@code spring.modulith.events.staleness.published}, then delivered again by {@link EventRedelivery});</li>
 * <li>"completed" is written inside the listener's own transaction, just before it commits ({@link
 * CompleteWithListener}): the listener's changes and the mark that it ran commit together, with no statement, no
 * connection and no commit of their own. A listener that runs outside a transaction of its own (or whose
 * transaction is read-only) is marked in one autocommit update after it returns, which is what the new transaction
 * Modulith opens around the mark achieves;</li>
 * <li>the registry is not wrapped in a transaction proxy: only its three marks were annotated, and the proxy's
 * lookups (transaction attribute, manager, a status and its synchronizations for each mark) cost more than the
 * update itself. A mark made while a transaction is bound to the thread still runs in a new one.</li>
 * </ul>
 * Everything else (failures, resubmission, staleness, lookups) goes to Modulith's own repository unchanged.
 */
@Configuration(proxyBeanMethods = false)
class EventBookkeeping {

	/** The table of Modulith's JDBC registry, created by our migrations (db/migration/{vendor}/events). */
	static final String TABLE = "event_publication";

	@Bean
	static BeanPostProcessor leanEventBookkeeping(ObjectProvider<EventPublicationRepository> repository,
			ObjectProvider<EventSerializer> serializer, ObjectProvider<JdbcTemplate> jdbc, ObjectProvider<Clock> clock,
			ObjectProvider<PlatformTransactionManager> transactions) {
		return new BeanPostProcessor() {
			@Override
			public Object postProcessBeforeInitialization(Object bean, String name) {
				// Before initialization, so the transaction proxy is then made around this registry and its annotations
				return bean.getClass() == DefaultEventPublicationRegistry.class
						? new LeanRegistry(new LeanRepository(repository.getObject(), jdbc.getObject(),
								serializer.getObject()), clock.getObject(), transactions)
						: bean;
			}
		};
	}

	/** Picked up by Boot's transaction manager customizers, so every transaction manager reports to it. */
	@Bean
	static TransactionExecutionListener completionInListenerTransaction(ObjectProvider<JdbcTemplate> jdbc,
			ObjectProvider<Clock> clock) {
		// Resolved at the first delivery, not while the transaction managers are being made
		return new InListenerTransaction(SingletonSupplier.of(jdbc::getObject), SingletonSupplier.of(clock::getObject));
	}

	/**
	 * The listener whose publication is being delivered on this thread: set when Modulith marks the publication
	 * processing (right before the listener is called), handed to the listener's transaction as it begins, and
	 * cleared when the publication is marked completed or failed.
	 */
	static final ThreadLocal<Delivery> DELIVERY = new ThreadLocal<>();

	/** The last publications marked completed inside their listener's transaction (for tests; a debugger). */
	private static final java.util.Map<UUID, Boolean> RECENTLY_COMPLETED_WITH_LISTENER = java.util.Collections
		.synchronizedMap(new java.util.LinkedHashMap<>(64, 0.75f, false) {
			@Override
			protected boolean removeEldestEntry(java.util.Map.Entry<UUID, Boolean> eldest) {
				return size() > 256;
			}
		});

	static boolean completedWithItsListener(UUID publication) {
		return RECENTLY_COMPLETED_WITH_LISTENER.containsKey(publication);
	}

	/** One publication on its way to its listener. */
	static final class Delivery {

		/** The listener method as a transaction names it: the listener id up to its parameter list. */
		final String listener;

		UUID publication;

		boolean claimed;

		boolean completed;

		Delivery(PublicationTargetIdentifier identifier) {
			String id = identifier.getValue();
			int parameters = id.indexOf('(');
			this.listener = parameters < 0 ? id : id.substring(0, parameters);
		}
	}

	/**
	 * Modulith's registry, without a new transaction around the two marks made for every listener. An {@link
	 * AopInfrastructureBean}, so no transaction proxy is made around it (see the class comment).
	 */
	static class LeanRegistry extends DefaultEventPublicationRegistry implements AopInfrastructureBean {

		private final ObjectProvider<PlatformTransactionManager> transactions;

		LeanRegistry(EventPublicationRepository events, Clock clock,
				ObjectProvider<PlatformTransactionManager> transactions) {
			super(events, clock);
			this.transactions = transactions;
		}

		@Override
		public void markProcessing(Object event, PublicationTargetIdentifier identifier) {
			DELIVERY.set(new Delivery(identifier));
			super.markProcessing(event, identifier); // LeanRepository.markProcessing notes the publication's id
		}

		@Override
		public void markCompleted(Object event, PublicationTargetIdentifier identifier) {
			outsideAnyTransaction(() -> super.markCompleted(event, identifier));
		}

		@Override
		public void markFailed(Object event, PublicationTargetIdentifier identifier) {
			DELIVERY.remove();
			outsideAnyTransaction(() -> super.markFailed(event, identifier));
		}

		/**
		 * A listener running synchronously after its publisher's commit still has that transaction's connection
		 * bound to the thread, and a write there would never be committed: a new transaction then, as Modulith's
		 * own annotation asks. Asynchronous listeners (all of Rapport's) find no transaction and write directly.
		 */
		private void outsideAnyTransaction(Runnable mark) {
			if (TransactionSynchronizationManager.isSynchronizationActive()
					|| TransactionSynchronizationManager.isActualTransactionActive()) {
				TransactionTemplate requiresNew = new TransactionTemplate(transactions.getObject());
				requiresNew.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
				requiresNew.executeWithoutResult(status -> mark.run());
			}
			else {
				mark.run();
			}
		}
	}

	/**
	 * Writes the completion of the publication being delivered inside the transaction of the listener that
	 * handles it, when that transaction begins: the listener method's own (its name is the listener's), new, not
	 * read-only. Inner transactions of the listener are not it; a listener that opens several transactions one
	 * after the other is marked after it returns, as Modulith does.
	 */
	static final class InListenerTransaction implements TransactionExecutionListener {

		private final Supplier<JdbcTemplate> jdbc;

		private final Supplier<Clock> clock;

		InListenerTransaction(Supplier<JdbcTemplate> jdbc, Supplier<Clock> clock) {
			this.jdbc = jdbc;
			this.clock = clock;
		}

		@Override
		public void afterBegin(TransactionExecution transaction, Throwable beginFailure) {
			Delivery delivery = DELIVERY.get();
			if (delivery == null) {
				return; // every other transaction of the application: nothing to do
			}
			if (beginFailure != null || delivery.publication == null || delivery.claimed
					|| !transaction.isNewTransaction() || transaction.isReadOnly() || transaction.isNested()
					|| !delivery.listener.equals(transaction.getTransactionName())
					|| !TransactionSynchronizationManager.isSynchronizationActive()) {
				return;
			}
			delivery.claimed = true;
			TransactionSynchronizationManager
				.registerSynchronization(new CompleteWithListener(delivery, jdbc.get(), clock.get()));
		}
	}

	/** The completing update, run as the listener's transaction commits; noted on the delivery once committed. */
	static final class CompleteWithListener implements TransactionSynchronization {

		private final Delivery delivery;

		private final JdbcTemplate jdbc;

		private final Clock clock;

		CompleteWithListener(Delivery delivery, JdbcTemplate jdbc, Clock clock) {
			this.delivery = delivery;
			this.jdbc = jdbc;
			this.clock = clock;
		}

		@Override
		public void beforeCommit(boolean readOnly) {
			jdbc.update(LeanRepository.COMPLETE, Timestamp.from(clock.instant()), delivery.publication);
		}

		@Override
		public void afterCompletion(int status) {
			delivery.completed = status == STATUS_COMMITTED;
			if (delivery.completed) {
				RECENTLY_COMPLETED_WITH_LISTENER.put(delivery.publication, Boolean.TRUE);
			}
		}

		@Override
		public int getOrder() {
			return LOWEST_PRECEDENCE; // the listener's own synchronizations write first
		}
	}

	/** Modulith's JDBC repository with batched inserts, no "processing" write and a plain completing update. */
	static final class LeanRepository implements EventPublicationRepository {

		private static final String INSERT = "insert into " + TABLE + " (id, event_type, listener_id, "
				+ "publication_date, serialized_event, status, completion_attempts, last_resubmission_date) "
				+ "values (?, ?, ?, ?, ?, ?, ?, ?)";

		static final String COMPLETE = "update " + TABLE
				+ " set status = 'COMPLETED', completion_date = ? where id = ?";

		private final EventPublicationRepository modulith;

		private final JdbcTemplate jdbc;

		private final EventSerializer serializer;

		LeanRepository(EventPublicationRepository modulith, JdbcTemplate jdbc, EventSerializer serializer) {
			this.modulith = modulith;
			this.jdbc = jdbc;
			this.serializer = serializer;
		}

		@Override
		public TargetEventPublication create(TargetEventPublication publication) {
			if (!TransactionSynchronizationManager.isActualTransactionActive()
					|| !TransactionSynchronizationManager.isSynchronizationActive()) {
				return modulith.create(publication);
			}
			Pending pending = null;
			for (TransactionSynchronization synchronization : TransactionSynchronizationManager.getSynchronizations()) {
				if (synchronization instanceof Pending p && p.owner == this) {
					pending = p;
				}
			}
			if (pending == null) {
				pending = new Pending(this);
				TransactionSynchronizationManager.registerSynchronization(pending);
			}
			if (pending.written) { // published while the transaction was already committing
				insert(List.of(publication));
			}
			else {
				pending.publications.add(publication);
			}
			return publication;
		}

		void insert(List<TargetEventPublication> publications) {
			jdbc.batchUpdate(INSERT, publications, publications.size(), (statement, p) -> {
				Timestamp published = Timestamp.from(p.getPublicationDate());
				statement.setObject(1, p.getIdentifier());
				statement.setString(2, p.getEvent().getClass().getName());
				statement.setString(3, p.getTargetIdentifier().getValue());
				statement.setTimestamp(4, published);
				statement.setString(5, serializer.serialize(p.getEvent()).toString());
				statement.setString(6, p.getStatus().name());
				statement.setInt(7, 1);
				statement.setTimestamp(8, published);
			});
		}

		@Override
		public void markProcessing(UUID identifier) {
			// not written (see the class comment of EventBookkeeping); noted for the listener's transaction
			Delivery delivery = DELIVERY.get();
			if (delivery != null) {
				delivery.publication = identifier;
			}
		}

		@Override
		public void markCompleted(UUID identifier, Instant completionDate) {
			Delivery delivery = DELIVERY.get();
			DELIVERY.remove();
			if (delivery != null && delivery.completed && identifier.equals(delivery.publication)) {
				return; // written with the listener's changes
			}
			jdbc.update(COMPLETE, Timestamp.from(completionDate), identifier);
		}

		@Override
		public void markCompleted(TargetEventPublication publication, Instant completionDate) {
			publication.markCompleted(completionDate);
			markCompleted(publication.getIdentifier(), completionDate);
		}

		@Override
		public void markCompleted(Object event, PublicationTargetIdentifier identifier, Instant completionDate) {
			DELIVERY.remove();
			modulith.markCompleted(event, identifier, completionDate);
		}

		@Override
		public void markFailed(UUID identifier) {
			DELIVERY.remove();
			modulith.markFailed(identifier);
		}

		@Override
		public boolean markResubmitted(UUID identifier, Instant resubmissionDate) {
			return modulith.markResubmitted(identifier, resubmissionDate);
		}

		@Override
		public List<TargetEventPublication> findIncompletePublications() {
			return modulith.findIncompletePublications();
		}

		@Override
		public List<TargetEventPublication> findIncompletePublicationsPublishedBefore(Instant instant) {
			return modulith.findIncompletePublicationsPublishedBefore(instant);
		}

		@Override
		public Optional<TargetEventPublication> findIncompletePublicationsByEventAndTargetIdentifier(Object event,
				PublicationTargetIdentifier targetIdentifier) {
			return modulith.findIncompletePublicationsByEventAndTargetIdentifier(event, targetIdentifier);
		}

		@Override
		public List<TargetEventPublication> findCompletedPublications() {
			return modulith.findCompletedPublications();
		}

		@Override
		public void deletePublications(List<UUID> identifiers) {
			modulith.deletePublications(identifiers);
		}

		@Override
		public void deleteCompletedPublications() {
			modulith.deleteCompletedPublications();
		}

		@Override
		public void deleteCompletedPublicationsBefore(Instant instant) {
			modulith.deleteCompletedPublicationsBefore(instant);
		}

		@Override
		public List<TargetEventPublication> findFailedPublications(FailedCriteria criteria) {
			return modulith.findFailedPublications(criteria);
		}

		@Override
		public List<TargetEventPublication> findByStatus(Status status) {
			return modulith.findByStatus(status);
		}

		@Override
		public int countByStatus(Status status) {
			return modulith.countByStatus(status);
		}
	}

	/** The publications a transaction stored, inserted as it commits; found again among its synchronizations. */
	static final class Pending implements TransactionSynchronization {

		final LeanRepository owner;

		final List<TargetEventPublication> publications = new ArrayList<>(4);

		boolean written;

		Pending(LeanRepository owner) {
			this.owner = owner;
		}

		@Override
		public void beforeCommit(boolean readOnly) {
			written = true;
			if (!publications.isEmpty()) {
				owner.insert(publications);
			}
		}

		@Override
		public int getOrder() {
			return LOWEST_PRECEDENCE; // after the other synchronizations' beforeCommit, which may still publish
		}
	}
}
