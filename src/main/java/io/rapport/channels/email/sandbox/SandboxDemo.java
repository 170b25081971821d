package io.rapport.channels.email.sandbox;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import io.rapport.accounts.AccountsApi;
import io.rapport.accounts.ContactView;
import io.rapport.channels.email.MailIngest;
import io.rapport.channels.email.MailIngest.IngestResult;
import io.rapport.channels.email.MailOutcome;
import io.rapport.channels.email.Mailboxes;
import io.rapport.identity.AgentView;
import io.rapport.identity.AuthenticatedUser;
import io.rapport.identity.GroupView;
import io.rapport.identity.IdentityApi;
import io.rapport.identity.Role;
import io.rapport.shared.RapportProperties;
import io.rapport.tickets.NewMessage;
import io.rapport.tickets.TicketStatus;
import io.rapport.tickets.TicketView;
import io.rapport.tickets.TicketsApi;
import io.rapport.tickets.Visibility;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Gives the embedded trial email tickets with real threads, so the whole mail loop shows without any mail account:
 * on the first start with the demo and the sandbox on (after the demo data and the sandbox's mailbox exist, and
 * before the mailbox has received anything), hand-written raw mails from demo contacts go through the real inbound
 * pipeline ({@link MailIngest}). They make a thread with an agent's reply (mailed by the outbox to the customer's
 * sandbox box), an out-of-office answer and the customer's reply; a GB18030 HTML mail with quoted history and a
 * remote image; an ISO-8859-2 mail with a PDF and a CC; and a stranger's mail claiming the first ticket's number.
 */
@Component
@SandboxEnabled
@Order(30)
public class SandboxDemo implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(SandboxDemo.class);

	private static final DateTimeFormatter DATE = DateTimeFormatter.RFC_1123_DATE_TIME;

	private final RapportProperties properties;

	private final Mailboxes mailboxes;

	private final MailIngest ingest;

	private final AccountsApi accounts;

	private final IdentityApi identity;

	private final TicketsApi tickets;

	private final JdbcTemplate jdbc;

	private final Clock clock;

	SandboxDemo(RapportProperties properties, Mailboxes mailboxes, MailIngest ingest, AccountsApi accounts,
			IdentityApi identity, TicketsApi tickets, JdbcTemplate jdbc, Clock clock) {
		this.properties = properties;
		this.mailboxes = mailboxes;
		this.ingest = ingest;
		this.accounts = accounts;
		this.identity = identity;
		this.tickets = tickets;
		this.jdbc = jdbc;
		this.clock = clock;
	}

	@Override
	public void run(ApplicationArguments args) {
		if (!properties.demo().enabled()) {
			return;
		}
		mailboxes.findByAddress(MailSandbox.ADDRESS).ifPresent(mailbox -> {
			try {
				List<IngestResult> results = feed(mailbox.getId());
				if (!results.isEmpty()) {
					log.info("Demo mail: {} mails through the sandbox mailbox", results.size());
				}
			}
			catch (RuntimeException e) {
				log.warn("The demo's email tickets could not be created", e);
			}
		});
	}

	/**
	 * Feeds the demo mails to the mailbox when it has received none yet and there are contacts to write them and an
	 * agent to answer; returns what became of each mail in order, or nothing when it did nothing.
	 */
	public List<IngestResult> feed(long mailboxId) {
		Integer received = jdbc.queryForObject("select count(*) from inbound_mails where mailbox_id = ?",
				Integer.class, mailboxId);
		if (received == null || received > 0) {
			return List.of();
		}
		Optional<AgentView> agent = agent();
		Set<Long> taken = new HashSet<>();
		Optional<ContactView> english = contact(taken, "smith", "brown", "taylor", "walker", "");
		Optional<ContactView> chinese = contact(taken, "wang", "zhang", "chen", "liu", "huang", "zhou", "");
		Optional<ContactView> romanian = contact(taken, "popescu", "ionescu", "munteanu", "stoica", "lungu", "");
		if (agent.isEmpty() || english.isEmpty() || chinese.isEmpty() || romanian.isEmpty()) {
			return List.of();
		}
		DemoMails mails = new DemoMails(clock.instant(), Long.toString(clock.millis(), 36) + "." + mailboxId);
		List<IngestResult> results = new ArrayList<>();
		thread(mailboxId, mails, english.get(), agent.get(), results);
		results.add(ingest.ingest(mailboxId, mails.chinese(chinese.get())));
		results.add(ingest.ingest(mailboxId, mails.romanian(romanian.get())));
		return results;
	}

	/** The customer's mail, an agent's reply, an out-of-office answer, the customer's reply and a stranger's claim. */
	private void thread(long mailboxId, DemoMails mails, ContactView customer, AgentView agent,
			List<IngestResult> results) {
		IngestResult first = ingest.ingest(mailboxId, mails.first(customer));
		results.add(first);
		if (first.outcome() != MailOutcome.CREATED) {
			return;
		}
		AuthenticatedUser by = AuthenticatedUser.agent(agent.id(), agent.email(), agent.name(), agent.role());
		TicketView ticket = tickets.get(first.ticketId(), by);
		tickets.reply(ticket.id(), new NewMessage(DemoMails.agentReply(customer, agent), Visibility.PUBLIC,
				NewMessage.BodyFormat.TEXT), List.of(), TicketStatus.PENDING, by);
		results.add(ingest.ingest(mailboxId, mails.outOfOffice(customer, ticket)));
		results.add(ingest.ingest(mailboxId, mails.answer(customer, ticket)));
		results.add(ingest.ingest(mailboxId, mails.stranger(ticket)));
	}

	/**
	 * An active agent (not an administrator, when there is one) of tier 1, where the sandbox's tickets land; or else
	 * any active agent.
	 */
	private Optional<AgentView> agent() {
		List<AgentView> active = identity.agents().stream().filter(AgentView::active).toList();
		return active.stream().filter(a -> a.groups().contains(GroupView.TIER1) && a.role() == Role.AGENT).findFirst()
			.or(() -> active.stream().filter(a -> a.groups().contains(GroupView.TIER1)).findFirst())
			.or(() -> active.stream().findFirst());
	}

	/**
	 * A contact not yet taken whose address ends in one of these family names ("" matches anyone): one of a customer
	 * account (whose colleagues a mail can copy) with any of the names before one with a personal address.
	 */
	private Optional<ContactView> contact(Set<Long> taken, String... families) {
		for (boolean anyone : new boolean[] { false, true }) {
			for (String family : families) {
				if (family.isEmpty() && !anyone) {
					continue;
				}
				Optional<ContactView> found = accounts.searchContacts(family.isEmpty() ? "" : "." + family + "@", 0, 50)
					.items().stream()
					.filter(c -> c.email() != null && !c.email().isBlank() && !taken.contains(c.id()))
					.filter(c -> anyone || c.accountId() != null)
					.findFirst();
				if (found.isPresent()) {
					taken.add(found.get().id());
					return found;
				}
			}
		}
		return Optional.empty();
	}

	static String date(java.time.Instant at, String zone) {
		return DATE.format(at.atZone(ZoneId.of(zone)));
	}

	static String encodedWord(String text, Charset charset) {
		return "=?" + charset.name() + "?B?" + Base64.getEncoder().encodeToString(text.getBytes(charset)) + "?=";
	}

	static String base64Lines(String text, Charset charset) {
		return Base64.getMimeEncoder(76, "\r\n".getBytes(StandardCharsets.US_ASCII))
			.encodeToString(text.getBytes(charset));
	}
}
