package io.rapport.shared;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

import io.rapport.IntegrationTest;
import io.rapport.accounts.AccountRenamed;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.modulith.events.core.EventPublicationRegistry;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The registry's bookkeeping made lean (EventBookkeeping) keeps what the registry promised: publications are
 * stored with the transaction that published them and only with it (also when an inner transaction commits on
 * its own while the outer one rolls back), and marked completed once their listener has finished, in the listener's
 * own transaction when it has one. The event used
 * is an account rename of an account that does not exist: its one listener (ticket search keys) updates nothing.
 */
class EventBookkeepingTests extends IntegrationTest {

	private static final AtomicLong NEXT = new AtomicLong(-1_000_000);

	@Autowired
	ApplicationEventPublisher events;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	PlatformTransactionManager transactions;

	@Autowired
	EventPublicationRegistry registry;

	@Test
	void shouldStoreThePublicationsOfACommittedTransactionAndCompleteThemAfterTheirListener() {
		String name = unique();
		new TransactionTemplate(transactions).executeWithoutResult(tx -> {
			events.publishEvent(new AccountRenamed(NEXT.decrementAndGet(), name));
			assertThat(publications(name)).as("stored as the transaction commits, with its change").isEmpty();
		});

		assertThat(publications(name)).hasSize(1);
		await().atMost(Duration.ofSeconds(20))
			.until(() -> "COMPLETED".equals(publications(name).get(0).get("status")));
		assertThat(publications(name).get(0).get("completion_date")).isNotNull();
		UUID id = jdbc.queryForObject("select id from event_publication where serialized_event like ?", UUID.class,
				"%" + name + "%");
		assertThat(EventBookkeeping.completedWithItsListener(id))
			.as("marked in the listener's own transaction (named as its listener id)").isTrue();
	}

	@Test
	void shouldStoreNothingForATransactionThatRolledBack() {
		String name = unique();
		new TransactionTemplate(transactions).executeWithoutResult(tx -> {
			events.publishEvent(new AccountRenamed(NEXT.decrementAndGet(), name));
			tx.setRollbackOnly();
		});

		assertThat(publications(name)).isEmpty();
	}

	@Test
	void shouldKeepAnInnerTransactionsPublicationsWithItWhenTheOuterOneRollsBack() {
		String outer = unique();
		String inner = unique();
		TransactionTemplate requiresNew = new TransactionTemplate(transactions);
		requiresNew.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
		new TransactionTemplate(transactions).executeWithoutResult(tx -> {
			events.publishEvent(new AccountRenamed(NEXT.decrementAndGet(), outer));
			requiresNew.executeWithoutResult(
					innerTx -> events.publishEvent(new AccountRenamed(NEXT.decrementAndGet(), inner)));
			assertThat(publications(inner)).as("committed with the inner transaction").hasSize(1);
			tx.setRollbackOnly();
		});

		assertThat(publications(outer)).isEmpty();
		assertThat(publications(inner)).hasSize(1);
	}

	@Test
	void shouldUseTheLeanRegistryWithoutATransactionProxy() {
		assertThat(registry.getClass()).isEqualTo(EventBookkeeping.LeanRegistry.class);
	}

	@Test
	void shouldMarkAPublicationCompletedInTheTransactionOfItsListener() {
		UUID publication = aPublicationOf(LISTENER);
		try {
			EventBookkeeping.Delivery delivery = delivering(publication);
			listenerTransaction(LISTENER_METHOD).executeWithoutResult(
					tx -> assertThat(status(publication)).as("not before the listener commits").isEqualTo("PUBLISHED"));

			assertThat(status(publication)).isEqualTo("COMPLETED");
			assertThat(delivery.completed).as("the mark after the listener returns writes nothing").isTrue();
		}
		finally {
			forget(publication);
		}
	}

	@Test
	void shouldLeaveThePublicationIncompleteWhenTheListenersTransactionRollsBack() {
		UUID publication = aPublicationOf(LISTENER);
		try {
			EventBookkeeping.Delivery delivery = delivering(publication);
			listenerTransaction(LISTENER_METHOD).executeWithoutResult(tx -> tx.setRollbackOnly());

			assertThat(status(publication)).isEqualTo("PUBLISHED");
			assertThat(delivery.completed).isFalse();
		}
		finally {
			forget(publication);
		}
	}

	@Test
	void shouldNotMarkThePublicationInATransactionThatIsNotTheListenersOwn() {
		UUID publication = aPublicationOf(LISTENER);
		try {
			EventBookkeeping.Delivery delivery = delivering(publication);
			listenerTransaction("io.rapport.shared.SomethingElse.save").executeWithoutResult(tx -> {
			});

			assertThat(status(publication)).as("marked after the listener returns instead").isEqualTo("PUBLISHED");
			assertThat(delivery.claimed).isFalse();
		}
		finally {
			forget(publication);
		}
	}

	private static final String LISTENER_METHOD = "io.rapport.shared.BookkeepingProbe.on";

	private static final String LISTENER = LISTENER_METHOD + "(io.rapport.accounts.AccountRenamed)";

	private UUID aPublicationOf(String listener) {
		UUID id = UUID.randomUUID();
		java.sql.Timestamp now = java.sql.Timestamp.from(clock.instant());
		jdbc.update("insert into event_publication (id, event_type, listener_id, publication_date, serialized_event, "
				+ "status, completion_attempts, last_resubmission_date) values (?, ?, ?, ?, ?, 'PUBLISHED', 1, ?)", id,
				AccountRenamed.class.getName(), listener, now, "{}", now);
		return id;
	}

	/** What the registry notes when Modulith marks the publication processing, right before calling the listener. */
	private static EventBookkeeping.Delivery delivering(UUID publication) {
		EventBookkeeping.Delivery delivery = new EventBookkeeping.Delivery(
				org.springframework.modulith.events.core.PublicationTargetIdentifier.of(LISTENER));
		delivery.publication = publication;
		EventBookkeeping.DELIVERY.set(delivery);
		return delivery;
	}

	/** A transaction named as TransactionInterceptor names the one around a listener method. */
	private TransactionTemplate listenerTransaction(String name) {
		TransactionTemplate template = new TransactionTemplate(transactions);
		template.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
		template.setName(name);
		return template;
	}

	private String status(UUID publication) {
		return jdbc.queryForObject("select status from event_publication where id = ?", String.class, publication);
	}

	private void forget(UUID publication) {
		EventBookkeeping.DELIVERY.remove();
		jdbc.update("delete from event_publication where id = ?", publication);
	}

	private List<Map<String, Object>> publications(String name) {
		return jdbc.queryForList("select status, completion_date from event_publication where serialized_event like ?",
				"%" + name + "%");
	}

	private static String unique() {
		return "bookkeeping-" + UUID.randomUUID();
	}
}
