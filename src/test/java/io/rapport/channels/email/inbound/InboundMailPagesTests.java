package io.rapport.channels.email.inbound;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.rapport.Fixtures;
import io.rapport.Fixtures.Person;
import io.rapport.IntegrationTest;
import io.rapport.channels.email.MailIngest;
import io.rapport.channels.email.MailIngest.IngestResult;
import io.rapport.channels.email.MailOutcome;
import io.rapport.channels.email.Mailbox;
import io.rapport.tickets.MessageAnnotation;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import static io.rapport.web.Pages.signedInAs;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The held, spam and failed lists: who sees which, what each row says, and that release, delete and download
 * do what they say; and the "Show original" line under a ticket's mailed message, served only to who may read the
 * ticket.
 */
class InboundMailPagesTests extends IntegrationTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	MailIngest ingest;

	@Autowired
	InboundMails mails;

	@Autowired
	InboundAnnotations annotations;

	@Autowired
	InboundFixtures fixtures;

	@Autowired
	Fixtures people;

	Mailbox mailbox;

	Person admin;

	Person agent;

	@BeforeEach
	void setUp() {
		mailbox = fixtures.aMailbox();
		admin = people.anAdmin();
		agent = people.anAgentIn("tier1");
	}

	@Test
	void shouldListSpamForAgentsAndLetThemReleaseIt() throws Exception {
		String from = InboundFixtures.customer("maybe-spam");
		InboundMail spam = stored(TestMail.from(from, mailbox.getAddress()).subject("Cheap watches")
			.header("X-Spam-Flag", "YES"));

		mvc.perform(get("/mail/spam").with(signedInAs(agent)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString(from)))
			.andExpect(content().string(containsString("Cheap watches")))
			.andExpect(content().string(containsString("Flagged as spam")));
		mvc.perform(post("/mail/inbound/{id}/release", spam.id()).with(csrf()).with(signedInAs(agent)))
			.andExpect(status().is3xxRedirection())
			.andExpect(redirectedUrl("/mail/spam"));

		InboundMail released = mails.find(spam.id()).orElseThrow();
		assertThat(released.outcome()).isEqualTo(MailOutcome.CREATED);
		assertThat(fixtures.ticket(released.ticketId()).subject()).isEqualTo("Cheap watches");
	}

	@Test
	void shouldKeepHeldAndFailedMailForAdmins() throws Exception {
		InboundMail failed = stored(TestMail.from(InboundFixtures.customer("x"), mailbox.getAddress())
			.withoutMessageId()
			.header("X-Bombs", "x".repeat(2_000_000)));

		mvc.perform(get("/admin/mail/failed").with(signedInAs(admin)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("/mail/inbound/" + failed.id() + "/raw")));
		mvc.perform(get("/admin/mail/held").with(signedInAs(agent))).andExpect(status().isForbidden());
		mvc.perform(post("/mail/inbound/{id}/delete", failed.id()).with(csrf()).with(signedInAs(agent)))
			.andExpect(status().isForbidden());
		mvc.perform(get("/mail/inbound/{id}/raw", failed.id()).with(signedInAs(admin)))
			.andExpect(status().isOk())
			.andExpect(header().string("Content-Type", containsString("message/rfc822")))
			.andExpect(header().string("Content-Disposition", containsString("attachment")));
		mvc.perform(post("/mail/inbound/{id}/delete", failed.id()).with(csrf()).with(signedInAs(admin)))
			.andExpect(redirectedUrl("/admin/mail/failed"));

		assertThat(mails.find(failed.id()).orElseThrow().status()).isEqualTo(InboundMail.Status.DELETED);
		assertThat(mails.raw(failed.id())).isEmpty();
	}

	@Test
	void shouldShowWhereATicketsMailCameInAndServeTheOriginalToAgents() throws Exception {
		IngestResult result = ingest.ingest(mailbox.getId(),
				TestMail.from(InboundFixtures.customer("ana"), mailbox.getAddress()).bytes());
		InboundMail mail = mails.findByKey(mailbox.getId(), result.messageId()).orElseThrow();

		Map<Long, List<MessageAnnotation>> lines = annotations.annotate(result.ticketId(),
				List.of(mail.ticketMessageId(), -1L), Locale.ENGLISH);

		assertThat(lines).containsOnlyKeys(mail.ticketMessageId());
		MessageAnnotation line = lines.get(mail.ticketMessageId()).get(0);
		assertThat(line.text()).isEqualTo("Received by email at " + mailbox.getAddress());
		assertThat(line.linkLabel()).isEqualTo("Show original");
		mvc.perform(get(line.linkUrl()).with(signedInAs(agent)))
			.andExpect(status().isOk())
			.andExpect(content().bytes(mails.raw(mail.id()).orElseThrow()));
		mvc.perform(get(line.linkUrl()).with(signedInAs(people.aCustomer()))).andExpect(status().isForbidden());
		mvc.perform(get("/mail/inbound/{id}/raw", Long.MAX_VALUE).with(signedInAs(agent)))
			.andExpect(status().isNotFound());
	}

	private InboundMail stored(TestMail mail) {
		IngestResult result = ingest.ingest(mailbox.getId(), mail.bytes());
		return mails.findByKey(mailbox.getId(), result.messageId()).orElseThrow();
	}
}
