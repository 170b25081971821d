package io.rapport.tickets.internal;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import io.rapport.accounts.AccountRenamed;
import io.rapport.accounts.AccountView;
import io.rapport.accounts.AccountsApi;
import io.rapport.accounts.ContactRenamed;
import io.rapport.accounts.ContactView;
import io.rapport.tickets.internal.search.TicketIndexing;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.transaction.annotation.Transactional;

/**
 * Keeps each ticket's search and sort keys ({@link SearchText}): the subject, the requester's name and email,
 * and the account's name. A new ticket gets them as it is persisted ({@link TicketSearchIndexer}); tickets written
 * without the aggregate (imports, rows from before the keys existed) get them from {@link #fillMissing()}, which
 * runs at start-up and after each import. Renamed accounts and contacts refresh the keys of their tickets and their
 * search documents.
 */
@Component
class TicketSearchKeys {

	private static final int BATCH = 500;

	private final AccountsApi accounts;

	private final JdbcTemplate jdbc;

	private final TicketIndexing indexing;

	TicketSearchKeys(AccountsApi accounts, JdbcTemplate jdbc, TicketIndexing indexing) {
		this.accounts = accounts;
		this.jdbc = jdbc;
		this.indexing = indexing;
	}

	/**
	 * A renamed account: its tickets' keys are recomputed after the rename commits, in a transaction of their own,
	 * and their search documents rebuilt with the new name (idempotent, so a redelivery does no harm).
	 */
	@ApplicationModuleListener
	public void on(AccountRenamed renamed) {
		refresh("account_id", renamed.accountId());
	}

	@ApplicationModuleListener
	public void on(ContactRenamed renamed) {
		refresh("requester_id", renamed.contactId());
	}

	private void refresh(String column, long id) {
		List<Long> tickets = jdbc.queryForList("select id from tickets where " + column + " = ?", Long.class, id);
		jdbc.update("update tickets set search_key = null where " + column + " = ?", id);
		fillMissing();
		indexing.index(tickets);
	}

	@EventListener(ApplicationReadyEvent.class)
	@Transactional
	public void fillMissing() {
		while (true) {
			List<Row> rows = jdbc.query("select id, subject, requester_id, account_id from tickets "
					+ "where search_key is null order by id fetch first " + BATCH + " rows only",
					(rs, n) -> new Row(rs.getLong(1), rs.getString(2), rs.getLong(3),
							(Long) rs.getObject(4, Long.class)));
			if (rows.isEmpty()) {
				return;
			}
			Map<Long, ContactView> contacts = accounts
				.contacts(rows.stream().map(Row::requesterId).collect(Collectors.toSet()));
			Map<Long, AccountView> byId = accounts.accounts(rows.stream().map(Row::accountId)
				.filter(java.util.Objects::nonNull).collect(Collectors.toSet()));
			jdbc.batchUpdate("update tickets set search_key = ?, requester_key = ?, account_key = ? where id = ?",
					rows.stream().map(row -> {
						Keys keys = keys(row.subject(), contacts.get(row.requesterId()),
								row.accountId() == null ? null : byId.get(row.accountId()));
						return new Object[] { keys.search(), keys.requester(), keys.account(), row.id() };
					}).toList());
		}
	}

	static Keys keys(String subject, ContactView requester, AccountView account) {
		String requesterName = requester == null ? "" : requester.displayName();
		String email = requester == null ? "" : requester.email();
		String accountName = account == null ? "" : account.name();
		String search = SearchText.normalize(subject + " " + requesterName + " "
				+ email + " " + accountName);
		return new Keys(SearchText.cut(search, 1200), SearchText.cut(SearchText.normalize(requesterName), 250),
				account == null ? null : SearchText.cut(SearchText.normalize(accountName), 250));
	}

	record Keys(String search, String requester, String account) {
	}

	private record Row(long id, String subject, long requesterId, Long accountId) {
	}
}
