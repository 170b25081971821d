package io.rapport.tickets.internal;

import io.rapport.accounts.AccountsApi;
import jakarta.persistence.PrePersist;

import org.springframework.beans.factory.ObjectProvider;

/**
 * Gives a new ticket its search and sort keys just before it is persisted, so they go in with the insert
 * (Hibernate fixes the inserted values at persist: a change after it would cost a second statement per ticket).
 * A JPA entity listener that Hibernate obtains from Spring; the requester is usually already loaded in the same
 * transaction, so this reads nothing more.
 */
class TicketSearchIndexer {

	private final ObjectProvider<AccountsApi> accounts;

	TicketSearchIndexer(ObjectProvider<AccountsApi> accounts) {
		this.accounts = accounts;
	}

	@PrePersist
	void index(Ticket ticket) {
		AccountsApi api = accounts.getObject();
		TicketSearchKeys.Keys keys = TicketSearchKeys.keys(ticket.getSubject(),
				api.contact(ticket.getRequesterId()).orElse(null),
				ticket.getAccountId() == null ? null : api.account(ticket.getAccountId()).orElse(null));
		ticket.indexAs(keys.search(), keys.requester(), keys.account());
	}
}
