package io.rapport.customer360.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import io.rapport.accounts.AccountsApi;
import io.rapport.accounts.ContactView;
import io.rapport.activity.ActivityApi;
import io.rapport.activity.ContactActivity;
import io.rapport.tickets.TicketLookup;

import org.springframework.stereotype.Component;

/**
 * The account's people with their role and last activity: last product event and last sign-in (from the rollups),
 * last ticket opened. Most recently active first; people never active last, by name. Three grouped reads, whatever
 * the number of people.
 */
@Component
class AccountPeople {

	private final AccountsApi accounts;

	private final ActivityApi activity;

	private final TicketLookup tickets;

	AccountPeople(AccountsApi accounts, ActivityApi activity, TicketLookup tickets) {
		this.accounts = accounts;
		this.activity = activity;
		this.tickets = tickets;
	}

	/** A person of the account and when they were last seen; days are UTC days of the rollups. */
	record Person(ContactView contact, String role, LocalDate lastActive, LocalDate lastSignIn, Instant lastTicket) {

		/** The latest of their last event and last ticket, for the order; null when never active. */
		Instant lastSeen() {
			Instant active = lastActive == null ? null : lastActive.atStartOfDay(ZoneOffset.UTC).toInstant();
			if (active == null || (lastTicket != null && lastTicket.isAfter(active))) {
				return lastTicket;
			}
			return active;
		}
	}

	List<Person> of(long accountId) {
		List<ContactView> contacts = accounts.contactsOf(accountId);
		Map<Long, ContactActivity> seen = activity.contactActivity(accountId);
		Map<Long, Instant> lastTickets = tickets.lastTicketByRequester(accountId);
		Map<Long, String> roles = accounts.contactRoles(accountId);
		return contacts.stream().map(c -> {
			ContactActivity a = seen.get(c.id());
			return new Person(c, roles.get(c.id()), a == null ? null : a.lastActive(), a == null ? null : a.lastSignIn(),
					lastTickets.get(c.id()));
		}).sorted(Comparator.comparing(Person::lastSeen, Comparator.nullsLast(Comparator.reverseOrder()))
			.thenComparing(p -> p.contact().displayName(), String.CASE_INSENSITIVE_ORDER)).toList();
	}
}
