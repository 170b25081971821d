package io.rapport.demo;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import io.rapport.accounts.AccountView;
import io.rapport.accounts.AccountsApi;
import io.rapport.accounts.ContactView;
import io.rapport.accounts.NewAccount;
import io.rapport.accounts.NewContact;
import io.rapport.demo.DemoCompany.AccountSeed;
import io.rapport.demo.DemoCompany.AgentSeed;
import io.rapport.demo.DemoCompany.ContactSeed;
import io.rapport.demo.DemoTickets.Cast;
import io.rapport.demo.DemoTickets.Customer;
import io.rapport.identity.AgentView;
import io.rapport.identity.IdentityApi;
import io.rapport.identity.NewAgent;
import io.rapport.tickets.ImportedTicket;
import io.rapport.tickets.TicketImport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Fills the help desk with Brightlane's team, customers and tickets. Tickets go through {@link TicketImport} in
 * batches, so the same call makes the 500-ticket demo and a million-ticket benchmark database.
 */
@Component
class DemoGenerator {

	private static final Logger log = LoggerFactory.getLogger(DemoGenerator.class);

	static final int BATCH = 1_000;

	private final IdentityApi identity;

	private final AccountsApi accounts;

	private final TicketImport tickets;

	private final TransactionTemplate transaction;

	private final Clock clock;

	DemoGenerator(IdentityApi identity, AccountsApi accounts, TicketImport tickets,
			PlatformTransactionManager transactions, Clock clock) {
		this.identity = identity;
		this.accounts = accounts;
		this.tickets = tickets;
		this.transaction = new TransactionTemplate(transactions);
		this.clock = clock;
	}

	/** What was made, and who can sign in with the demo password. */
	record Result(List<String> agentEmails, String customerEmail, int accounts, int contacts, int tickets) {
	}

	Result generate(int ticketCount, long seed, String password) {
		Random random = new Random(seed);
		DemoCompany.Plan plan = DemoCompany.plan(random, contactCount(ticketCount));
		Cast cast = transaction.execute(status -> cast(plan, password));
		DemoTickets generator = new DemoTickets(random, cast, clock.instant(), ticketCount);
		List<ImportedTicket> batch = new ArrayList<>(BATCH);
		for (int i = 0; i < ticketCount; i++) {
			batch.add(generator.ticket(i));
			if (batch.size() == BATCH || i == ticketCount - 1) {
				tickets.importTickets(batch);
				batch.clear();
				if ((i + 1) % 100_000 == 0) {
					log.info("Demo data: {} of {} tickets", i + 1, ticketCount);
				}
			}
		}
		Customer customer = cast.customers().stream().filter(c -> c.accountId() != null).findFirst()
			.orElse(cast.customers().get(0));
		String customerEmail = accounts.contact(customer.id()).map(ContactView::email).orElseThrow();
		identity.grantPortalLogin(customer.id(), customerEmail, customer.name(), password);
		return new Result(plan.agents().stream().map(AgentSeed::email).toList(), customerEmail,
				plan.accounts().size(), plan.contacts().size(), ticketCount);
	}

	/** 150 contacts for the demo; more for big benchmark databases, about one for every 50 tickets. */
	static int contactCount(int tickets) {
		return Math.max(150, Math.min(tickets / 50, 50_000));
	}

	private Cast cast(DemoCompany.Plan plan, String password) {
		Map<String, List<Long>> byGroup = new LinkedHashMap<>();
		Map<Long, String> names = new HashMap<>();
		for (AgentSeed seed : plan.agents()) {
			long id = agent(seed, password);
			byGroup.computeIfAbsent(seed.group(), g -> new ArrayList<>()).add(id);
			names.put(id, seed.name());
		}
		List<AccountView> accountViews = new ArrayList<>(plan.accounts().size());
		for (AccountSeed seed : plan.accounts()) {
			accountViews.add(account(seed));
		}
		List<Customer> customers = new ArrayList<>(plan.contacts().size());
		for (ContactSeed seed : plan.contacts()) {
			AccountView account = seed.account() == ContactSeed.NO_ACCOUNT ? null : accountViews.get(seed.account());
			ContactView contact = accounts.contactByEmail(seed.email())
				.orElseGet(() -> accounts.createContact(new NewContact(seed.email(), seed.name(),
						account == null ? null : account.id(), null)));
			customers.add(new Customer(contact.id(), contact.accountId(), seed.name(),
					account == null ? null : account.name()));
		}
		return new Cast(byGroup, names, customers);
	}

	private long agent(AgentSeed seed, String password) {
		if (identity.emailInUse(seed.email())) {
			return identity.agents().stream().filter(a -> a.email().equals(seed.email())).map(AgentView::id)
				.findFirst().orElseThrow(() -> new IllegalStateException(seed.email() + " signs in to the portal"));
		}
		return identity.createAgent(new NewAgent(seed.email(), seed.name(), password, seed.role(),
				List.of(seed.group()))).id();
	}

	private AccountView account(AccountSeed seed) {
		return accounts.searchAccounts(seed.domain(), 0, 5).items().stream()
			.filter(a -> seed.domain().equals(a.domain())).findFirst()
			.orElseGet(() -> accounts.createAccount(new NewAccount(seed.name(), seed.domain(), null)));
	}
}
