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
 * its own while the outer one rolls back), and marked completed once their listener has finished. The event used
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
	void shouldUseTheLeanRegistry() {
		assertThat(registry).isInstanceOf(EventBookkeeping.LeanRegistry.class);
	}

	private List<Map<String, Object>> publications(String name) {
		return jdbc.queryForList("select status, completion_date from event_publication where serialized_event like ?",
				"%" + name + "%");
	}

	private static String unique() {
		return "bookkeeping-" + UUID.randomUUID();
	}
}
