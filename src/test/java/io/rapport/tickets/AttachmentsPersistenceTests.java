package io.rapport.tickets;

import java.util.List;
import java.util.Random;

import io.rapport.Fixtures;
import io.rapport.IntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/** Files larger than H2's 1 MB varbinary limit round-trip on both databases (BLOB in H2, bytea in PostgreSQL). */
class AttachmentsPersistenceTests extends IntegrationTest {

	@Autowired
	TicketsApi tickets;

	@Autowired
	Fixtures fixtures;

	@Test
	void shouldStoreAndServeAMultiMegabyteFileByteForByte() {
		var customer = fixtures.aCustomer();
		TicketView ticket = fixtures.aTicketFrom(customer, "Log file attached");
		byte[] log = new byte[3 * 1024 * 1024];
		new Random(7).nextBytes(log);

		MessageView message = tickets.addMessage(ticket.id(), new NewMessage("Here's the log", null, null),
				List.of(new Upload("server.log", "application/x-evil", log)), customer.user());
		var download = tickets.attachment(message.attachments().get(0).id(), customer.user());

		assertThat(download.content()).isEqualTo(log);
		assertThat(download.contentType()).isEqualTo("text/plain");
		assertThat(message.attachments().get(0).size()).isEqualTo(log.length);
		assertThat(download.filename()).isEqualTo("server.log");
	}

	@Test
	void shouldKeepOnlyTheLastPathSegmentOfUploadedFileNames() {
		var customer = fixtures.aCustomer();
		TicketView ticket = fixtures.aTicketFrom(customer, "Path");

		MessageView message = tickets.addMessage(ticket.id(), new NewMessage("x", null, null),
				List.of(new Upload("..\\..\\windows\\evil\".txt", "text/plain", new byte[] { 1 })), customer.user());

		assertThat(message.attachments().get(0).filename()).isEqualTo("evil.txt");
		assertThat(message.attachments().get(0).contentType()).isEqualTo("text/plain");
	}
}
