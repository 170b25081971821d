package io.rapport.tickets;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;

import io.rapport.Fixtures;
import io.rapport.IntegrationTest;
import io.rapport.RapportApplication;
import io.rapport.TestDatabase;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.modulith.events.ApplicationModuleListener;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * An event whose listener failed is not lost: it stays in the publication registry, in the database, and the next
 * start of the application delivers it again. Two application contexts on one database play the two runs.
 */
@Tag("db")
class EventRedeliveryTests {

	@Test
	void shouldDeliverAgainAfterARestartAnEventWhoseListenerFailed() {
		long ticketId;
		FailingOnce.failing.set(true);
		try (ConfigurableApplicationContext first = start()) {
			Fixtures fixtures = first.getBean(Fixtures.class);
			ticketId = fixtures.aTicket().id();

			await().atMost(Duration.ofSeconds(30)).until(() -> incomplete(first, ticketId) == 1
					&& FailingOnce.failed.contains(ticketId) && !processing(first, ticketId));
			assertThat(FailingOnce.delivered).doesNotContain(ticketId);
		}
		FailingOnce.failing.set(false);
		try (ConfigurableApplicationContext second = start()) {
			await().atMost(Duration.ofSeconds(30)).until(() -> FailingOnce.delivered.contains(ticketId));
			await().atMost(Duration.ofSeconds(30)).until(() -> incomplete(second, ticketId) == 0);
		}
	}

	private static ConfigurableApplicationContext start() {
		Map<String, Object> properties = new HashMap<>();
		TestDatabase.register((name, value) -> properties.put(name, value.get()));
		properties.put("server.port", "0");
		properties.put("rapport.demo.enabled", "false");
		properties.put("rapport.admin.email", "admin@localhost");
		properties.put("rapport.admin.password", IntegrationTest.ADMIN_PASSWORD);
		properties.put("rapport.data-dir", "target/test-data");
		properties.put("spring.modulith.events.republish-outstanding-events-on-restart", "true");
		// As command-line arguments: they outrank application.yml, which default properties would not.
		String[] args = properties.entrySet().stream().map(p -> "--" + p.getKey() + "=" + p.getValue())
			.toArray(String[]::new);
		return new SpringApplicationBuilder(RapportApplication.class, FailingOnce.class).run(args);
	}

	private static int incomplete(ConfigurableApplicationContext context, long ticketId) {
		return rows(context, ticketId, "completion_date is null");
	}

	private static boolean processing(ConfigurableApplicationContext context, long ticketId) {
		return rows(context, ticketId, "completion_date is null and status in ('PUBLISHED', 'PROCESSING')") > 0;
	}

	private static int rows(ConfigurableApplicationContext context, long ticketId, String condition) {
		List<String> events = context.getBean(JdbcTemplate.class).queryForList("select serialized_event from "
				+ "event_publication where listener_id like '%FailingOnce%' and " + condition, String.class);
		return (int) events.stream().filter(json -> json.contains("\"ticketId\":" + ticketId + ",")).count();
	}

	/** Fails on every ticket while {@link #failing} is set, as a listener of another module might on a bad day. */
	static class FailingOnce {

		static final AtomicBoolean failing = new AtomicBoolean();

		static final Queue<Long> failed = new ConcurrentLinkedQueue<>();

		static final Queue<Long> delivered = new ConcurrentLinkedQueue<>();

		@ApplicationModuleListener
		void on(TicketCreated event) {
			if (failing.get()) {
				failed.add(event.ticketId());
				throw new IllegalStateException("The listener is down.");
			}
			delivered.add(event.ticketId());
		}
	}
}
