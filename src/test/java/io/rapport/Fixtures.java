package io.rapport;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import io.rapport.accounts.AccountView;
import io.rapport.accounts.AccountsApi;
import io.rapport.accounts.ContactView;
import io.rapport.accounts.NewAccount;
import io.rapport.accounts.NewContact;
import io.rapport.identity.AgentView;
import io.rapport.identity.AuthenticatedUser;
import io.rapport.identity.IdentityApi;
import io.rapport.identity.NewAgent;
import io.rapport.identity.Role;
import io.rapport.identity.internal.TokenService;
import io.rapport.tickets.NewTicket;
import io.rapport.tickets.TicketView;
import io.rapport.tickets.TicketsApi;

import org.springframework.stereotype.Component;

/**
 * People and tickets with intent, each with a unique email so tests sharing a context never collide. Every
 * person comes with an API token, so requests authenticate the real way without paying for bcrypt each time.
 */
@Component
public class Fixtures {

	public static final String PASSWORD = "correct-horse-battery";

	private static final AtomicInteger SEQUENCE = new AtomicInteger();

	private final IdentityApi identity;

	private final AccountsApi accounts;

	private final TicketsApi tickets;

	private final TokenService tokens;

	Fixtures(IdentityApi identity, AccountsApi accounts, TicketsApi tickets, TokenService tokens) {
		this.identity = identity;
		this.accounts = accounts;
		this.tickets = tickets;
		this.tokens = tokens;
	}

	/** An address no other test uses, e.g. {@code uniqueEmail("ioana", "carpathia.example")}. */
	public static String uniqueEmail(String name, String domain) {
		return name + "-" + SEQUENCE.incrementAndGet() + "-" + System.nanoTime() + "@" + domain;
	}

	public Person anAgentIn(String... groups) {
		return agent(Role.AGENT, groups);
	}

	public Person anAdmin() {
		return agent(Role.ADMIN, "tier1", "tier2", "sales");
	}

	public Person aCustomer() {
		return aCustomerOf(null);
	}

	public Person aCustomerOf(Long accountId) {
		int n = SEQUENCE.incrementAndGet();
		ContactView contact = accounts
			.createContact(new NewContact("customer" + n + "-" + System.nanoTime() + "@example.org", "Customer " + n,
					accountId, PASSWORD));
		AuthenticatedUser user = AuthenticatedUser.contact(contact.id(), contact.email(), contact.name());
		return new Person(user, tokens.mint(user, "test").token());
	}

	public AccountView anAccount() {
		int n = SEQUENCE.incrementAndGet();
		return accounts.createAccount(new NewAccount("Account " + n, "acct" + n + "-" + System.nanoTime() + ".example", null));
	}

	public TicketView aTicketFrom(Person customer, String subject) {
		return tickets.create(new NewTicket(subject, "Please help with " + subject, null, null, null, null, List.of()),
				customer.user());
	}

	public TicketView aTicket() {
		return aTicketFrom(aCustomer(), "A question " + SEQUENCE.incrementAndGet());
	}

	private Person agent(Role role, String... groups) {
		int n = SEQUENCE.incrementAndGet();
		AgentView agent = identity.createAgent(new NewAgent("agent" + n + "-" + System.nanoTime() + "@rapport.test",
				"Agent " + n, PASSWORD, role, List.of(groups)));
		AuthenticatedUser user = AuthenticatedUser.agent(agent.id(), agent.email(), agent.name(), role);
		return new Person(user, tokens.mint(user, "test").token());
	}

	public record Person(AuthenticatedUser user, String token) {

		public long id() {
			return user.id();
		}

		public String email() {
			return user.email();
		}

		public String bearer() {
			return "Bearer " + token;
		}
	}
}
