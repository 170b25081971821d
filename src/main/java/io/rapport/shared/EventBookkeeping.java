package io.rapport.shared;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

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
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

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
 * <li>"completed" is one update in autocommit after the listener's own transaction committed, which is exactly
 * what the new transaction around it achieved.</li>
 * </ul>
 * Everything else (failures, resubmission, staleness, lookups) goes to Modulith's own repository unchanged.
 */
@Configuration(proxyBeanMethods = false)
class EventBookkeeping {

	/** The table of Modulith's JDBC registry, created by our migrations (db/migration/{vendor}/events). */
	static final String TABLE = "event_publication";

	@Bean
	static BeanPostProcessor leanEventBookkeeping(ObjectProvider<EventPublicationRepository> repository,
			ObjectProvider<EventSerializer> serializer, ObjectProvider<JdbcTemplate> jdbc, ObjectProvider<Clock> clock) {
		return new BeanPostProcessor() {
			@Override
			public Object postProcessBeforeInitialization(Object bean, String name) {
				// Before initialization, so the transaction proxy is then made around this registry and its annotations
				return bean.getClass() == DefaultEventPublicationRegistry.class
						? new LeanRegistry(new LeanRepository(repository.getObject(), jdbc.getObject(),
								serializer.getObject()), clock.getObject())
						: bean;
			}
		};
	}

	/** Modulith's registry, without a new transaction around the two marks made for every listener. */
	static class LeanRegistry extends DefaultEventPublicationRegistry {

		LeanRegistry(EventPublicationRepository events, Clock clock) {
			super(events, clock);
		}

		@Override
		@Transactional(propagation = Propagation.NOT_SUPPORTED)
		public void markProcessing(Object event, PublicationTargetIdentifier identifier) {
			super.markProcessing(event, identifier);
		}

		@Override
		@Transactional(propagation = Propagation.NOT_SUPPORTED)
		public void markCompleted(Object event, PublicationTargetIdentifier identifier) {
			super.markCompleted(event, identifier);
		}
	}

	/** Modulith's JDBC repository with batched inserts, no "processing" write and a plain completing update. */
	static final class LeanRepository implements EventPublicationRepository {

		private static final String INSERT = "insert into " + TABLE + " (id, event_type, listener_id, "
				+ "publication_date, serialized_event, status, completion_attempts, last_resubmission_date) "
				+ "values (?, ?, ?, ?, ?, ?, ?, ?)";

		private static final String COMPLETE = "update " + TABLE
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
			// not written: see the class comment of EventBookkeeping
		}

		@Override
		public void markCompleted(UUID identifier, Instant completionDate) {
			jdbc.update(COMPLETE, Timestamp.from(completionDate), identifier);
		}

		@Override
		public void markCompleted(TargetEventPublication publication, Instant completionDate) {
			publication.markCompleted(completionDate);
			markCompleted(publication.getIdentifier(), completionDate);
		}

		@Override
		public void markCompleted(Object event, PublicationTargetIdentifier identifier, Instant completionDate) {
			modulith.markCompleted(event, identifier, completionDate);
		}

		@Override
		public void markFailed(UUID identifier) {
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
