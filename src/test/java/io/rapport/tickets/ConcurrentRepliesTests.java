package io.rapport.tickets;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import io.rapport.Fixtures;
import io.rapport.Fixtures.Person;
import io.rapport.IntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/** Nothing is lost when a customer and agents write to one ticket at the same moment. */
class ConcurrentRepliesTests extends IntegrationTest {

	@Autowired
	TicketsApi tickets;

	@Autowired
	Fixtures fixtures;

	/**
	 * Sixteen writers at once, customers and agents: each message locks the ticket for its short transaction, so
	 * none is refused (on PostgreSQL, 6 or 7 of 16 were answered 409 when replies were optimistic).
	 */
	@Test
	void shouldStoreEverySimultaneousReplyToOneTicket() throws Exception {
		Person customer = fixtures.aCustomer();
		Person agent = fixtures.anAgentIn("tier1");
		TicketView ticket = fixtures.aTicketFrom(customer, "Everyone writes at once");
		ExecutorService pool = Executors.newFixedThreadPool(TicketWriters.COUNT);
		CountDownLatch start = new CountDownLatch(1);
		try {
			List<Callable<MessageView>> replies = new ArrayList<>();
			for (int i = 0; i < TicketWriters.COUNT; i++) {
				Person author = i % 2 == 0 ? customer : agent;
				String body = "Reply " + i;
				replies.add(() -> {
					start.await();
					return tickets.addMessage(ticket.id(), new NewMessage(body, Visibility.PUBLIC, null), List.of(),
							author.user());
				});
			}
			List<Future<MessageView>> results = new ArrayList<>();
			for (Callable<MessageView> reply : replies) {
				results.add(pool.submit(reply));
			}
			start.countDown();
			for (Future<MessageView> result : results) {
				result.get();
			}
		}
		finally {
			pool.shutdown();
		}

		assertThat(tickets.messages(ticket.id(), agent.user())).hasSize(TicketWriters.COUNT + 1);
	}

	static final class TicketWriters {

		static final int COUNT = 16;
	}
}
