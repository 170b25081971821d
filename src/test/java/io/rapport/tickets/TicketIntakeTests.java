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
import io.rapport.tickets.TicketIntake.Outcome;
import io.rapport.tickets.TicketIntake.Received;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

import static org.assertj.core.api.Assertions.assertThat;

@RecordApplicationEvents
class TicketIntakeTests extends IntegrationTest {

	@Autowired
	TicketIntake intake;

	@Autowired
	TicketsApi tickets;

	@Autowired
	Fixtures fixtures;

	@Autowired
	ApplicationEvents events;

	@Autowired
	org.springframework.transaction.PlatformTransactionManager transactionManager;

	static String unique(String prefix) {
		return prefix + "-" + System.nanoTime();
	}

	static InboundMessage anEmail(String messageId, String from, Long ticketId, Upload... files) {
		return new InboundMessage("email:support@rapport.test", messageId, Channel.EMAIL, ticketId, from, "Mara Ionescu",
				null, "Invoice is wrong", "The invoice shows 12 seats; we have 10.", NewMessage.BodyFormat.TEXT,
				List.of(files));
	}

	@Test
	void shouldOpenOneTicketWithItsFilesOnTheFirstMessageAndAnswerARedeliveryWithIt() {
		Person agent = fixtures.anAgentIn("tier1");
		String id = unique("<invoice@mail.example>");
		String from = unique("mara") + "@example.org";
		Upload pdf = new Upload("invoice.pdf", "application/pdf", "%PDF-1.4".getBytes());

		Received first = intake.receive(anEmail(id, from, null, pdf));
		Received again = intake.receive(anEmail(id, from, null, pdf));

		assertThat(first.outcome()).isEqualTo(Outcome.CREATED);
		assertThat(again).extracting(Received::outcome, Received::ticketId, Received::messageId)
			.containsExactly(Outcome.DUPLICATE, first.ticketId(), first.messageId());
		assertThat(first.thread()).isEqualTo(intake.thread(first.ticketId()).orElseThrow());
		assertThat(again.thread()).isEqualTo(first.thread());
		assertThat(first.thread().requesterEmail()).isEqualTo(from);
		TicketView ticket = tickets.get(first.ticketId(), agent.user());
		assertThat(ticket.channel()).isEqualTo(Channel.EMAIL);
		assertThat(ticket.requester().email()).isEqualTo(from);
		List<MessageView> conversation = tickets.messages(first.ticketId(), agent.user());
		assertThat(conversation).singleElement().satisfies(m -> {
			assertThat(m.authorType()).isEqualTo(AuthorKind.CONTACT);
			assertThat(m.attachments()).extracting(AttachmentView::filename).containsExactly("invoice.pdf");
		});
		assertThat(events.stream(MessagePosted.class).filter(e -> e.ticketId() == first.ticketId()))
			.singleElement().extracting(MessagePosted::channel).isEqualTo(Channel.EMAIL);
		assertThat(events.stream(TicketCreated.class).filter(e -> e.ticketId() == first.ticketId())).hasSize(1);
	}

	@Test
	void shouldAppendToTheTicketTheChannelNamesReopenItAndStoreARedeliveryOnce() {
		Person agent = fixtures.anAgentIn("tier1");
		String from = unique("mara") + "@example.org";
		Received opened = intake.receive(anEmail(unique("<a@mail>"), from, null));
		TicketView ticket = tickets.get(opened.ticketId(), agent.user());
		tickets.update(ticket.id(), new TicketUpdate(TicketStatus.SOLVED, null, null, null, null, null,
				ticket.version()), agent.user());
		String replyId = unique("<b@mail>");

		Received reply = intake.receive(anEmail(replyId, from, ticket.id()));
		Received redelivered = intake.receive(anEmail(replyId, from, ticket.id()));

		assertThat(reply.outcome()).isEqualTo(Outcome.APPENDED);
		assertThat(redelivered).extracting(Received::outcome, Received::ticketId, Received::messageId)
			.containsExactly(Outcome.DUPLICATE, ticket.id(), reply.messageId());
		assertThat(reply.thread()).isEqualTo(intake.thread(ticket.id()).orElseThrow());
		assertThat(reply.thread().status()).isEqualTo(TicketStatus.OPEN);
		assertThat(tickets.messages(ticket.id(), agent.user())).hasSize(2);
		assertThat(tickets.get(ticket.id(), agent.user()).status()).isEqualTo(TicketStatus.OPEN);
		assertThat(events.stream(TicketReopened.class).filter(e -> e.ticketId() == ticket.id())).hasSize(1);
	}

	/**
	 * The mail pipeline reads the ticket to thread a mail and hands the mail over in the same transaction; an agent
	 * may solve the ticket in between. The append takes the ticket as it now is (and reopens it), not the copy it
	 * read.
	 */
	@Test
	void shouldAppendInAChannelsTransactionThatReadTheTicketBeforeAnAgentChangedIt() throws Exception {
		Person agent = fixtures.anAgentIn("tier1");
		String from = unique("ion") + "@example.org";
		Received opened = intake.receive(anEmail(unique("<o@mail>"), from, null));
		ExecutorService other = Executors.newSingleThreadExecutor();
		try {
			Received reply = new org.springframework.transaction.support.TransactionTemplate(transactionManager)
				.execute(status -> {
					assertThat(intake.thread(opened.ticketId())).isPresent();
					try {
						other.submit(() -> tickets.update(opened.ticketId(), new TicketUpdate(TicketStatus.SOLVED, null,
								null, null, null, null, tickets.get(opened.ticketId(), agent.user()).version()),
								agent.user())).get();
					}
					catch (Exception e) {
						throw new IllegalStateException(e);
					}
					return intake.receive(anEmail(unique("<q@mail>"), from, opened.ticketId()));
				});

			assertThat(reply.outcome()).isEqualTo(Outcome.APPENDED);
			assertThat(tickets.messages(opened.ticketId(), agent.user())).hasSize(2);
			assertThat(tickets.get(opened.ticketId(), agent.user()).status()).isEqualTo(TicketStatus.OPEN);
		}
		finally {
			other.shutdownNow();
		}
	}

	@Test
	void shouldRecordAPhoneCallAsTheAgentsWordsOnTheCustomersBehalf() {
		Person agent = fixtures.anAgentIn("tier1");
		String from = unique("caller") + "@example.org";

		Received call = intake.receive(new InboundMessage("phone", null, Channel.PHONE, null, from, "Caller", agent.id(),
				"Cannot log in", "Customer called: the login page loops.", NewMessage.BodyFormat.TEXT, null));

		TicketView ticket = tickets.get(call.ticketId(), agent.user());
		assertThat(ticket.channel()).isEqualTo(Channel.PHONE);
		MessageView description = tickets.messages(call.ticketId(), agent.user()).get(0);
		assertThat(description.authorType()).isEqualTo(AuthorKind.AGENT);
		assertThat(description.authorId()).isEqualTo(agent.id());
		assertThat(description.onBehalfOfId()).isEqualTo(ticket.requester().id());
		assertThat(description.onBehalfOfName()).isEqualTo("Caller");
		assertThat(ticket.firstResponseAt()).isNull();
		assertThat(events.stream(TicketCreated.class).filter(e -> e.ticketId() == call.ticketId()))
			.singleElement().extracting(TicketCreated::byAgentId).isEqualTo(agent.id());
	}

	/** A mail server delivering one message twice at the same moment still makes one ticket. */
	@Test
	void shouldStoreOneTicketWhenTheSameMessageArrivesSeveralTimesAtOnce() throws Exception {
		String id = unique("<twice@mail>");
		String from = unique("mara") + "@example.org";
		int deliveries = 8;
		ExecutorService pool = Executors.newFixedThreadPool(deliveries);
		CountDownLatch start = new CountDownLatch(1);
		List<Received> results = new ArrayList<>();
		try {
			List<Future<Received>> futures = new ArrayList<>();
			for (int i = 0; i < deliveries; i++) {
				Callable<Received> delivery = () -> {
					start.await();
					return intake.receive(anEmail(id, from, null));
				};
				futures.add(pool.submit(delivery));
			}
			start.countDown();
			for (Future<Received> future : futures) {
				results.add(future.get());
			}
		}
		finally {
			pool.shutdown();
		}

		assertThat(results).extracting(Received::outcome).containsOnlyOnce(Outcome.CREATED);
		assertThat(results).extracting(Received::ticketId).containsOnly(results.get(0).ticketId());
		assertThat(results).extracting(Received::messageId).containsOnly(results.get(0).messageId());
	}
}
