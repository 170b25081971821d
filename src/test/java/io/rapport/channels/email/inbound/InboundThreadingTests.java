package io.rapport.channels.email.inbound;

import io.rapport.Fixtures;
import io.rapport.Fixtures.Person;
import io.rapport.IntegrationTest;
import io.rapport.channels.email.MailIngest;
import io.rapport.channels.email.MailIngest.IngestResult;
import io.rapport.channels.email.MailOutcome;
import io.rapport.channels.email.MailTokens;
import io.rapport.channels.email.Mailbox;
import io.rapport.tickets.AuthorKind;
import io.rapport.tickets.MessageView;
import io.rapport.tickets.TicketIntake;
import io.rapport.tickets.TicketStatus;
import io.rapport.tickets.TicketUpdate;
import io.rapport.tickets.TicketView;
import io.rapport.tickets.TicketsApi;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Threading, in the issue's order, each way with a real signature and each forged variant: a forgery never joins
 * the ticket it names, and the new ticket it becomes says what it claimed.
 */
class InboundThreadingTests extends IntegrationTest {

	@Autowired
	MailIngest ingest;

	@Autowired
	MailTokens tokens;

	@Autowired
	InboundFixtures fixtures;

	@Autowired
	Fixtures people;

	@Autowired
	TicketsApi tickets;

	@Autowired
	TicketIntake intake;

	Mailbox mailbox;

	String ana;

	TicketView ticket;

	String firstMessageId;

	@BeforeEach
	void aTicketOpenedByMail() {
		mailbox = fixtures.aMailbox();
		ana = InboundFixtures.customer("ana");
		TestMail first = TestMail.from("Ana <" + ana + ">", mailbox.getAddress()).subject("Export is broken");
		firstMessageId = first.messageId();
		IngestResult result = ingest.ingest(mailbox.getId(), first.bytes());
		assertThat(result.outcome()).isEqualTo(MailOutcome.CREATED);
		ticket = fixtures.ticket(result.ticketId());
	}

	@Test
	void shouldThreadAReplyToASignedMessageIdFromAnyone() {
		String ours = tokens.messageId(ticket.id(), 777, mailbox.domain());

		IngestResult reply = ingest.ingest(mailbox.getId(),
				TestMail.from(InboundFixtures.customer("colleague"), mailbox.getAddress())
					.subject("Re: Export is broken")
					.inReplyTo(ours)
					.references(firstMessageId, ours)
					.bytes());

		assertThat(reply.outcome()).isEqualTo(MailOutcome.APPENDED);
		assertThat(reply.ticketId()).isEqualTo(ticket.id());
	}

	@Test
	void shouldRefuseAMessageIdWithABadSignatureAndSayWhatItClaimed() {
		String forged = "t" + ticket.id() + ".m777.0123456789ab@" + mailbox.domain();

		IngestResult reply = ingest.ingest(mailbox.getId(),
				TestMail.from(InboundFixtures.customer("mallory"), mailbox.getAddress()).inReplyTo(forged).bytes());

		assertNewTicketClaiming(reply);
	}

	@Test
	void shouldThreadAParticipantsReplyToAReceivedMessageIdButNotAStrangers() {
		IngestResult fromAna = ingest.ingest(mailbox.getId(),
				TestMail.from(ana, mailbox.getAddress()).inReplyTo(firstMessageId).bytes());
		IngestResult fromStranger = ingest.ingest(mailbox.getId(),
				TestMail.from(InboundFixtures.customer("eve"), mailbox.getAddress()).inReplyTo(firstMessageId).bytes());

		assertThat(fromAna.outcome()).isEqualTo(MailOutcome.APPENDED);
		assertThat(fromAna.ticketId()).isEqualTo(ticket.id());
		assertThat(fromStranger.outcome()).isEqualTo(MailOutcome.CREATED);
		assertThat(fromStranger.ticketId()).isNotEqualTo(ticket.id());
	}

	@Test
	void shouldThreadBySignedPlusAddressAndRefuseAForgedOne() {
		String signed = tokens.replyAddress(ticket.id(), mailbox.getAddress());
		String local = mailbox.getAddress().substring(0, mailbox.getAddress().indexOf('@'));
		String forged = local + "+t" + ticket.id() + "-0123456789ab@" + mailbox.domain();

		IngestResult good = ingest.ingest(mailbox.getId(),
				TestMail.from(InboundFixtures.customer("partner"), signed).subject("More details").bytes());
		IngestResult bad = ingest.ingest(mailbox.getId(),
				TestMail.from(InboundFixtures.customer("mallory"), forged).subject("More details").bytes());

		assertThat(good.outcome()).isEqualTo(MailOutcome.APPENDED);
		assertThat(good.ticketId()).isEqualTo(ticket.id());
		assertNewTicketClaiming(bad);
	}

	@Test
	void shouldThreadBySubjectNumberOnlyForTheRequesterOrACc() {
		String bob = InboundFixtures.customer("bob");
		ingest.ingest(mailbox.getId(),
				TestMail.from(ana, mailbox.getAddress()).cc(bob).subject("[#" + ticket.number() + "] cc Bob").bytes());

		IngestResult fromAna = ingest.ingest(mailbox.getId(),
				TestMail.from(ana, mailbox.getAddress()).subject("Re: [#" + ticket.number() + "] again").bytes());
		IngestResult fromBob = ingest.ingest(mailbox.getId(),
				TestMail.from(bob, mailbox.getAddress()).subject("[#" + ticket.number() + "] me too").bytes());
		IngestResult fromStranger = ingest.ingest(mailbox.getId(),
				TestMail.from(InboundFixtures.customer("mallory"), mailbox.getAddress())
					.subject("Re: [#" + ticket.number() + "] urgent")
					.bytes());

		assertThat(fromAna.ticketId()).isEqualTo(ticket.id());
		assertThat(fromBob.ticketId()).isEqualTo(ticket.id());
		assertThat(intake.thread(ticket.id()).orElseThrow().ccs()).contains(bob);
		assertNewTicketClaiming(fromStranger);
	}

	@Test
	void shouldTakeAnAgentsMailAsTheirReplyOnlyWithAValidToken() {
		Person lars = people.anAgentIn("tier1");
		String ours = tokens.messageId(ticket.id(), 778, mailbox.domain());

		IngestResult signed = ingest.ingest(mailbox.getId(),
				TestMail.from(lars.email(), mailbox.getAddress()).inReplyTo(ours).body("Fixed in 4.2.").bytes());
		IngestResult unsigned = ingest.ingest(mailbox.getId(),
				TestMail.from(lars.email(), mailbox.getAddress())
					.inReplyTo("t" + ticket.id() + ".m778.0123456789ab@" + mailbox.domain())
					.body("Trust me, I am an agent.")
					.bytes());

		assertThat(signed.outcome()).isEqualTo(MailOutcome.APPENDED);
		MessageView reply = last(ticket.id());
		assertThat(reply.authorType()).isEqualTo(AuthorKind.AGENT);
		assertThat(reply.authorId()).isEqualTo(lars.id());
		assertThat(reply.bodyHtml()).contains("Fixed in 4.2.");
		assertThat(unsigned.outcome()).isEqualTo(MailOutcome.CREATED);
		assertThat(fixtures.messages(unsigned.ticketId())).allMatch(m -> m.authorType() != AuthorKind.AGENT);
		assertThat(fixtures.messages(ticket.id())).noneMatch(m -> m.bodyHtml().contains("Trust me"));
	}

	@Test
	void shouldOpenAFollowUpForAReplyToAClosedTicket() {
		setStatus(TicketStatus.SOLVED);
		setStatus(TicketStatus.CLOSED);

		IngestResult reply = ingest.ingest(mailbox.getId(),
				TestMail.from(ana, mailbox.getAddress()).inReplyTo(firstMessageId).bytes());

		assertThat(reply.outcome()).isEqualTo(MailOutcome.CREATED);
		assertThat(reply.ticketId()).isNotEqualTo(ticket.id());
		assertThat(fixtures.notes(reply.ticketId())).anyMatch(
				note -> note.bodyHtml().contains("Follow-up to the closed ticket #" + ticket.number()));
	}

	private void assertNewTicketClaiming(IngestResult result) {
		assertThat(result.outcome()).isEqualTo(MailOutcome.CREATED);
		assertThat(result.ticketId()).isNotEqualTo(ticket.id());
		assertThat(fixtures.notes(result.ticketId()))
			.anyMatch(note -> note.bodyHtml().contains("Claimed to be a reply to #" + ticket.number()));
	}

	private void setStatus(TicketStatus status) {
		long version = fixtures.ticket(ticket.id()).version();
		tickets.update(ticket.id(), new TicketUpdate(status, null, null, null, null, null, version),
				fixtures.reader());
	}

	private MessageView last(long ticketId) {
		var messages = fixtures.messages(ticketId);
		return messages.get(messages.size() - 1);
	}
}
