package io.rapport.activity.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.rapport.accounts.AccountView;
import io.rapport.accounts.AccountsApi;
import io.rapport.accounts.ContactView;
import io.rapport.accounts.NewAccount;
import io.rapport.shared.ConflictException;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Who a tracked user is: {@code identify} links a userId to the contact with its email trait (created if new, and
 * then in the account its email domain belongs to); {@code group} links it to the account whose external id is the
 * groupId (created if new). Accounts are created in a transaction of their own, so that a race lost to another
 * batch creating the same account does not fail the batch.
 */
@Component
class People {

	/** Whom a userId names; either part may be unknown. */
	record Person(Long contactId, Long accountId) {
	}

	private final JdbcTemplate jdbc;

	private final AccountsApi accounts;

	private final TransactionTemplate separately;

	private final Clock clock;

	People(JdbcTemplate jdbc, AccountsApi accounts, PlatformTransactionManager transactions, Clock clock) {
		this.jdbc = jdbc;
		this.accounts = accounts;
		this.separately = new TransactionTemplate(transactions);
		this.separately.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
		this.clock = clock;
	}

	void identify(String userId, String email, String name) {
		if (userId == null || email == null) {
			return;
		}
		ContactView contact = accounts.findOrCreateContact(email,
				name == null || name.length() <= 200 ? name : name.substring(0, 200));
		Person known = find(List.of(userId)).get(userId);
		Long accountId = known != null && known.accountId() != null ? known.accountId() : contact.accountId();
		save(userId, contact.id(), accountId);
	}

	void group(String userId, String groupId, String name) {
		long accountId = accountFor(groupId, name);
		if (userId == null) {
			return;
		}
		Person known = find(List.of(userId)).get(userId);
		save(userId, known == null ? null : known.contactId(), accountId);
	}

	/** The account whose external id is this groupId, created (named after the group, or the id) if there is none. */
	long accountFor(String groupId, String name) {
		Optional<AccountView> known = accounts.accountByExternalId(groupId);
		if (known.isPresent()) {
			return known.get().id();
		}
		String accountName = name == null ? groupId : name.length() > 200 ? name.substring(0, 200) : name;
		try {
			return separately.execute(status -> accounts.createAccount(new NewAccount(accountName, null, groupId)).id());
		}
		catch (ConflictException lostRace) {
			return accounts.accountByExternalId(groupId).orElseThrow(() -> lostRace).id();
		}
	}

	/**
	 * The accounts of these groupIds, by groupId: those that exist in one query, the others created one by one as
	 * {@link #accountFor} does. A batch of events from many accounts costs one lookup, not one per account.
	 */
	Map<String, Long> accountsFor(Collection<String> groupIds) {
		if (groupIds.isEmpty()) {
			return Map.of();
		}
		Map<String, Long> ids = new HashMap<>(accounts.accountIdsByExternalIds(groupIds));
		for (String groupId : groupIds) {
			if (!ids.containsKey(groupId)) {
				ids.put(groupId, accountFor(groupId, null));
			}
		}
		return ids;
	}

	Map<String, Person> find(Collection<String> userIds) {
		Map<String, Person> people = new HashMap<>();
		if (userIds.isEmpty()) {
			return people;
		}
		// one array parameter, not a list of marks: the same statement whatever the count, prepared once per connection
		jdbc.query(connection -> {
			var statement = connection.prepareStatement(
					"select user_id, contact_id, account_id from activity_users where user_id = any(?)");
			statement.setArray(1, connection.createArrayOf("varchar", userIds.toArray()));
			return statement;
		}, rs -> {
			people.put(rs.getString(1), new Person(rs.getObject(2, Long.class), rs.getObject(3, Long.class)));
		});
		return people;
	}

	private void save(String userId, Long contactId, Long accountId) {
		Timestamp now = Timestamp.from(clock.instant());
		int updated = jdbc.update("update activity_users set contact_id = ?, account_id = ?, updated_at = ? "
				+ "where user_id = ?", contactId, accountId, now, userId);
		if (updated == 0) {
			jdbc.update("insert into activity_users (user_id, contact_id, account_id, updated_at) values (?, ?, ?, ?) "
					+ "on conflict do nothing", userId, contactId, accountId, now);
		}
	}
}
