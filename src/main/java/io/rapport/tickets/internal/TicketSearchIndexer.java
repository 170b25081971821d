package io.rapport.tickets.internal;

import io.rapport.accounts.AccountsApi;
import jakarta.persistence.PrePersist;

import org.springframework.beans.factory.ObjectProvider;

/**
 * Gives a new ticket its search and sort keys just before it is persisted, so they go in with the insert
 * (Hibernate fixes the inserted values at persist: a change after it would cost a second statement per ticket).
 * A JPA entity listener that Hibernate obtains from Spring. {@link TicketOpening} gives the keys itself, from the
 * requester it has in hand (its contact is read without the persistence context, so a lookup here would cost a
 * query); this computes them for a ticket persisted without.
 */
class TicketSearchIndexer {

	private final ObjectProvider<AccountsApi> accounts;

	TicketSearchIndexer(ObjectProvider<AccountsApi> accounts) {
		this.accounts = accounts;
	}

	@PrePersist
	void index(Ticket ticket) {
		if (ticket.isIndexed()) {
			return; // TicketOpening had the requester in hand
		}
		AccountsApi api = accounts.getObject();
		io.rapport.accounts.ContactView requester = api.contact(ticket.getRequesterId()).orElse(null);
		ticket.readBy(requester == null ? null : requester.locale());
		TicketSearchKeys.Keys keys = TicketSearchKeys.keys(ticket.getSubject(), requester,
				ticket.getAccountId() == null ? null : api.account(ticket.getAccountId()).orElse(null));
		ticket.indexAs(keys.search(), keys.requester(), keys.account());
	}
}
