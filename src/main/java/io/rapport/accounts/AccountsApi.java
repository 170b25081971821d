package io.rapport.accounts;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.rapport.accounts.internal.Account;
import io.rapport.accounts.internal.AccountSummaries;
import io.rapport.accounts.internal.Accounts;
import io.rapport.accounts.internal.Contact;
import io.rapport.accounts.internal.ContactFact;
import io.rapport.accounts.internal.ContactFacts;
import io.rapport.accounts.internal.Contacts;
import io.rapport.accounts.internal.Lifecycle;
import io.rapport.identity.AuthenticatedUser;
import io.rapport.identity.IdentityApi;
import io.rapport.shared.ConflictException;
import io.rapport.shared.InvalidInputException;
import io.rapport.shared.NotFoundException;
import io.rapport.shared.PageResult;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Accounts and contacts, for the API, the pages, and the modules that need to know who wrote in. */
@Service
public class AccountsApi {

	/** The languages a contact may read: those Rapport's pages and mails are written in. */
	public static final List<String> LANGUAGES = List.of("en", "zh", "ro", "ta", "eo");

	private final Accounts accounts;

	private final Contacts contacts;

	private final IdentityApi identity;

	private final JdbcTemplate jdbc;

	private final Clock clock;

	private final ApplicationEventPublisher events;

	private final ContactFacts facts;

	private final Lifecycle lifecycle;

	private final AccountSummaries summaries;

	AccountsApi(Accounts accounts, Contacts contacts, IdentityApi identity, JdbcTemplate jdbc, Clock clock,
			ApplicationEventPublisher events, ContactFacts facts, Lifecycle lifecycle, AccountSummaries summaries) {
		this.accounts = accounts;
		this.contacts = contacts;
		this.identity = identity;
		this.jdbc = jdbc;
		this.clock = clock;
		this.events = events;
		this.facts = facts;
		this.lifecycle = lifecycle;
		this.summaries = summaries;
	}

	/**
	 * The contact who writes from this address, created on first contact. Safe when two requests from a new address
	 * arrive at once: the insert yields to the one that won, and both read the same row.
	 */
	@Transactional
	public ContactView findOrCreateContact(String email, String name) {
		String normalized = IdentityApi.normalize(email);
		Optional<ContactView> known = knownContact(normalized);
		if (known.isPresent()) {
			return known.get();
		}
		Optional<Contact> existing = contacts.findByEmail(normalized);
		if (existing.isPresent()) {
			return existing.get().view();
		}
		Long accountId = accountForEmail(normalized).orElse(null);
		try {
			jdbc.update("insert into contacts (id, email, name, account_id, created_at, version) "
					+ "values (nextval('contacts_seq'), ?, ?, ?, ?, 0) on conflict do nothing",
					normalized, blankToNull(name), accountId, java.sql.Timestamp.from(clock.instant()));
		}
		catch (DataIntegrityViolationException lostRace) {
			// H2 checks the conflict before a concurrent insert commits; PostgreSQL never gets here.
		}
		return knownContact(normalized).orElseThrow();
	}

	/**
	 * The stored contact with this address, read with plain JDBC: on the path of every ticket a known customer
	 * opens, where a repository query cost a tenth of the request's CPU. A miss goes on through the repository,
	 * which flushes a contact this transaction may have added but not yet written.
	 */
	private Optional<ContactView> knownContact(String email) {
		return jdbc.query("select id, email, name, account_id, created_at, locale from contacts where email = ?",
				(rs, n) -> new ContactView(rs.getLong(1), rs.getString(2), rs.getString(3),
						rs.getObject(4, Long.class), rs.getObject(5, OffsetDateTime.class).toInstant(),
						rs.getString(6) == null ? null : Locale.forLanguageTag(rs.getString(6))),
				email).stream().findFirst();
	}

	@Transactional
	public ContactView createContact(NewContact command) {
		String email = IdentityApi.normalize(command.email());
		if (contacts.findByEmail(email).isPresent()) {
			throw ConflictException.of("errors.contact.exists", email);
		}
		Long accountId = command.accountId();
		if (accountId != null && !accounts.existsById(accountId)) {
			throw InvalidInputException.of("accountId", "errors.account.not-found", accountId);
		}
		if (accountId == null) {
			accountId = accountForEmail(email).orElse(null);
		}
		Contact contact;
		try {
			contact = contacts.saveAndFlush(new Contact(email, blankToNull(command.name()), accountId, clock.instant()));
		}
		catch (DataIntegrityViolationException lostRace) {
			throw ConflictException.of("errors.contact.exists", email);
		}
		if (command.password() != null) {
			identity.grantPortalLogin(contact.getId(), email, contact.view().displayName(), command.password());
		}
		return contact.view();
	}

	@Transactional
	public ContactView updateContact(long id, String name, Long accountId) {
		Contact contact = contacts.findById(id).orElseThrow(() -> NotFoundException.of("errors.contact.not-found", id));
		if (accountId != null && !accounts.existsById(accountId)) {
			throw InvalidInputException.of("accountId", "errors.account.not-found", accountId);
		}
		String before = contact.view().name();
		contact.update(blankToNull(name), accountId);
		if (!java.util.Objects.equals(before, contact.view().name())) {
			events.publishEvent(new ContactRenamed(id, contact.view().name()));
		}
		return contact.view();
	}

	/** A contact's role at the customer (free text, at most 100 characters; blank forgets it). */
	@Transactional
	public void setContactRole(long contactId, String role) {
		Contact contact = contacts.findById(contactId)
			.orElseThrow(() -> NotFoundException.of("errors.contact.not-found", contactId));
		String value = blankToNull(role);
		if (value != null && value.length() > 100) {
			throw InvalidInputException.of("role", "errors.contact.role-too-long", 100);
		}
		contact.assignRole(value);
	}

	/** The roles of the account's contacts that have one, by contact id. */
	@Transactional(readOnly = true)
	public Map<Long, String> contactRoles(long accountId) {
		Map<Long, String> roles = new java.util.HashMap<>();
		jdbc.query("select id, role from contacts where account_id = ? and role is not null",
				rs -> {
					roles.put(rs.getLong(1), rs.getString(2));
				}, accountId);
		return roles;
	}

	/** A contact's role at the customer, if one was given. */
	@Transactional(readOnly = true)
	public Optional<String> contactRole(long contactId) {
		return contacts.findById(contactId).map(Contact::getRole);
	}

	/**
	 * Sets the language a contact reads; null forgets it. Only {@link #LANGUAGES} are accepted (a region such as
	 * {@code zh-CN} is reduced to its language).
	 */
	@Transactional
	public ContactView setLocale(long contactId, Locale locale) {
		Contact contact = contacts.findById(contactId)
			.orElseThrow(() -> NotFoundException.of("errors.contact.not-found", contactId));
		contact.speak(language(locale, true));
		return contact.view();
	}

	/**
	 * Sets the language a contact reads when none is known yet, as guessed from what they wrote; a language
	 * Rapport does not speak is ignored. Answers the language set (as {@link ContactView#locale()} would read it),
	 * or empty when none was.
	 */
	@Transactional
	public Optional<Locale> setLocaleIfUnknown(long contactId, Locale locale) {
		String language = language(locale, false);
		if (language == null || jdbc.update("update contacts set locale = ? where id = ? and locale is null",
				language, contactId) != 1) {
			return Optional.empty();
		}
		return Optional.of(Locale.forLanguageTag(language));
	}

	private static String language(Locale locale, boolean strict) {
		if (locale == null) {
			return null;
		}
		String language = locale.getLanguage().toLowerCase(Locale.ROOT);
		if (LANGUAGES.contains(language)) {
			return language;
		}
		if (strict) {
			throw InvalidInputException.of("locale", "errors.contact.locale", locale.toLanguageTag(),
					String.join(", ", LANGUAGES));
		}
		return null;
	}

	@Transactional
	public AccountView createAccount(NewAccount command) {
		String domain = normalizeDomain(command.domain());
		String externalId = blankToNull(command.externalId());
		requireUnique(null, domain, externalId);
		Account account;
		try {
			account = accounts.saveAndFlush(new Account(command.name().strip(), domain, externalId, clock.instant()));
		}
		catch (DataIntegrityViolationException lostRace) {
			throw ConflictException.of("errors.account.taken");
		}
		if (domain != null) {
			contacts.joinAccountByDomain(account.getId(), "%@" + domain);
		}
		lifecycle.started(account.getId());
		return account.view();
	}

	@Transactional
	public AccountView updateAccount(long id, NewAccount command) {
		Account account = accounts.findById(id).orElseThrow(() -> NotFoundException.of("errors.account.not-found", id));
		String domain = normalizeDomain(command.domain());
		String externalId = blankToNull(command.externalId());
		requireUnique(id, domain, externalId);
		String before = account.view().name();
		account.update(command.name().strip(), domain, externalId);
		if (!before.equals(account.view().name())) {
			events.publishEvent(new AccountRenamed(id, account.view().name()));
		}
		if (domain != null) {
			contacts.joinAccountByDomain(id, "%@" + domain);
		}
		return account.view();
	}

	@Transactional(readOnly = true)
	public Optional<AccountView> account(long id) {
		return accounts.findById(id).map(Account::view);
	}

	@Transactional(readOnly = true)
	public Optional<ContactView> contact(long id) {
		return contacts.findById(id).map(Contact::view);
	}

	@Transactional(readOnly = true)
	public Optional<ContactView> contactByEmail(String email) {
		return contacts.findByEmail(IdentityApi.normalize(email)).map(Contact::view);
	}

	@Transactional(readOnly = true)
	public Map<Long, ContactView> contacts(Collection<Long> ids) {
		if (ids.isEmpty()) {
			return Map.of();
		}
		return contacts.findByIdIn(ids).stream().map(Contact::view)
			.collect(Collectors.toMap(ContactView::id, Function.identity()));
	}

	@Transactional(readOnly = true)
	public Map<Long, AccountView> accounts(Collection<Long> ids) {
		if (ids.isEmpty()) {
			return Map.of();
		}
		return accounts.findAllById(ids).stream().map(Account::view)
			.collect(Collectors.toMap(AccountView::id, Function.identity()));
	}

	/** The accounts created from {@code from} (included) until {@code to} (excluded), oldest first. */
	@Transactional(readOnly = true)
	public List<AccountView> createdBetween(java.time.Instant from, java.time.Instant to) {
		return accounts.findByCreatedAtGreaterThanEqualAndCreatedAtLessThanOrderById(from, to).stream()
			.map(Account::view).toList();
	}

	@Transactional(readOnly = true)
	public List<ContactView> contactsOf(long accountId) {
		return contacts.findByAccountIdOrderByName(accountId).stream().map(Contact::view).toList();
	}

	@Transactional(readOnly = true)
	public PageResult<AccountView> searchAccounts(String query, int page, int size) {
		Page<Account> result = accounts.search(like(query), PageRequest.of(page, size));
		return new PageResult<>(result.map(Account::view).getContent(), page, size, result.getTotalElements());
	}

	@Transactional(readOnly = true)
	public PageResult<ContactView> searchContacts(String query, int page, int size) {
		Page<Contact> result = contacts.search(like(query), PageRequest.of(page, size));
		return new PageResult<>(result.map(Contact::view).getContent(), page, size, result.getTotalElements());
	}

	/** Ids of contacts whose email or name contains the text, for searches in other modules. */
	@Transactional(readOnly = true)
	public List<Long> contactIdsMatching(String query, int limit) {
		return contacts.idsMatching(like(query), PageRequest.of(0, limit));
	}

	/**
	 * Records a dated fact on a contact ({@code PASSWORD_RESET_REQUESTED}, ...) and publishes
	 * {@link ContactFactRecorded}. Kinds are upper-case words of at most 50 characters.
	 */
	@Transactional
	public void recordFact(long contactId, String kind, java.time.Instant at) {
		if (kind == null || !kind.matches("[A-Z][A-Z0-9_]{0,49}")) {
			throw new IllegalArgumentException("A fact kind is an upper-case word: " + kind);
		}
		if (!contacts.existsById(contactId)) {
			throw NotFoundException.of("errors.contact.not-found", contactId);
		}
		facts.save(new ContactFact(contactId, kind, at));
		events.publishEvent(new ContactFactRecorded(contactId, kind, at));
	}

	/** How many facts of this kind were recorded on the contact at or after {@code since}. */
	@Transactional(readOnly = true)
	public long factCount(long contactId, String kind, java.time.Instant since) {
		return facts.countSince(contactId, kind, since);
	}

	// Customer success: lifecycle stages, owners, pinned notes and the one-glance summary (kept together).

	/**
	 * Moves an account to a lifecycle stage for a rule or another module (the health module's rules);
	 * {@code by} names what moved it in the stage history. Answers false when the account is already there.
	 */
	@Transactional
	public boolean moveStage(long accountId, LifecycleStage stage, String reason, String by) {
		return lifecycle.move(accountId, stage, reason, null, by == null || by.isBlank() ? "rule" : by.strip());
	}

	/** Moves an account to a lifecycle stage by hand; the agent is recorded. Callers check who may. */
	@Transactional
	public boolean moveStage(long accountId, LifecycleStage stage, String reason, AuthenticatedUser by) {
		return lifecycle.move(accountId, stage, reason, by.id(), null);
	}

	/** The account's stages, newest first; the last entry is the onboarding it started in. */
	@Transactional(readOnly = true)
	public List<StageChange> stageHistory(long accountId) {
		return lifecycle.history(accountId);
	}

	/** Gives the account to a success manager (an active member of the {@code success} group), or to nobody. */
	@Transactional
	public AccountView setOwner(long accountId, Long ownerId) {
		lifecycle.own(accountId, ownerId);
		return account(accountId).orElseThrow();
	}

	/** Pins the owner's note (blank unpins): only the owner or an admin may. */
	@Transactional
	public void pinNote(long accountId, String text, AuthenticatedUser by) {
		lifecycle.pin(accountId, text, by.id(), by.isAdmin());
	}

	/** Plan, MRR, seats, renewal, stage, owner and pinned note: what support and success see first. */
	@Transactional(readOnly = true)
	public Optional<AccountSummary> summary(long accountId) {
		return summaries.of(accountId);
	}

	/** The accounts an agent owns, soonest renewal first: a success manager's portfolio. */
	@Transactional(readOnly = true)
	public List<AccountSummary> portfolio(long ownerId) {
		return summaries.ownedBy(ownerId);
	}

	private Optional<Long> accountForEmail(String email) {
		int at = email.lastIndexOf('@');
		return at < 0 ? Optional.empty() : accounts.findByDomain(email.substring(at + 1)).map(Account::getId);
	}

	private void requireUnique(Long id, String domain, String externalId) {
		if (domain != null && accounts.findByDomain(domain).filter(a -> !a.getId().equals(id)).isPresent()) {
			throw ConflictException.of("errors.account.domain-taken", domain);
		}
		if (externalId != null
				&& accounts.findByExternalId(externalId).filter(a -> !a.getId().equals(id)).isPresent()) {
			throw ConflictException.of("errors.account.external-id-taken", externalId);
		}
	}

	private static String like(String query) {
		String q = query == null ? "" : query.strip().toLowerCase(Locale.ROOT)
			.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
		return "%" + q + "%";
	}

	private static String normalizeDomain(String domain) {
		String value = blankToNull(domain);
		return value == null ? null : value.toLowerCase(Locale.ROOT);
	}

	private static String blankToNull(String value) {
		return value == null || value.isBlank() ? null : value.strip();
	}

	/** The account whose domain this is (as contacts join accounts by the domain of their address), if any. */
	@Transactional(readOnly = true)
	public Optional<AccountView> accountByDomain(String domain) {
		return domain == null || domain.isBlank() ? Optional.empty()
				: accounts.findByDomain(domain.strip().toLowerCase(Locale.ROOT)).map(Account::view);
	}

	/** The account with this external id (the customer's own id for it, as product analytics send it as groupId). */
	@Transactional(readOnly = true)
	public Optional<AccountView> accountByExternalId(String externalId) {
		return accounts.findByExternalId(externalId).map(Account::view);
	}

	/**
	 * The ids of the accounts with these external ids, by external id (absent: no such account), in one query:
	 * how the usage ingest attributes a batch of events sent with {@code context.groupId}.
	 */
	@Transactional(readOnly = true)
	public Map<String, Long> accountIdsByExternalIds(Collection<String> externalIds) {
		Map<String, Long> ids = new HashMap<>();
		Object[] distinct = externalIds.stream().filter(Objects::nonNull).distinct().toArray();
		if (distinct.length == 0) {
			return ids;
		}
		// one array parameter: the same statement whatever the count, so it is prepared once per connection
		jdbc.query(connection -> {
			var statement = connection.prepareStatement("select external_id, id from accounts where external_id = any(?)");
			statement.setArray(1, connection.createArrayOf("varchar", distinct));
			return statement;
		}, rs -> {
			ids.put(rs.getString(1), rs.getLong(2));
		});
		return ids;
	}

	/** The ids of the accounts in a stage and/or owned by an agent (a null filter is not applied), in one query. */
	@Transactional(readOnly = true)
	public List<Long> accountIdsWhere(LifecycleStage stage, Long ownerId) {
		List<Object> args = new java.util.ArrayList<>();
		StringBuilder sql = new StringBuilder("select id from accounts where 1 = 1");
		if (stage != null) {
			sql.append(" and stage = ?");
			args.add(stage.name());
		}
		if (ownerId != null) {
			sql.append(" and owner_id = ?");
			args.add(ownerId);
		}
		return jdbc.queryForList(sql.toString(), Long.class, args.toArray());
	}

	/**
	 * When each account with this stage and owner (null: any) was created and first subscribed, in one grouped
	 * statement: what a metric over every account reads instead of loading them a thousand at a time.
	 */
	@Transactional(readOnly = true)
	public List<AccountStart> accountStarts(LifecycleStage stage, Long ownerId) {
		List<Object> args = new java.util.ArrayList<>();
		StringBuilder sql = new StringBuilder("select a.id, a.created_at, min(s.started_at) from accounts a"
				+ " left join subscriptions s on s.account_id = a.id where 1 = 1");
		if (stage != null) {
			sql.append(" and a.stage = ?");
			args.add(stage.name());
		}
		if (ownerId != null) {
			sql.append(" and a.owner_id = ?");
			args.add(ownerId);
		}
		sql.append(" group by a.id, a.created_at");
		return jdbc.query(sql.toString(), (rs, n) -> new AccountStart(rs.getLong(1), instant(rs, 2), instant(rs, 3)),
				args.toArray());
	}

	private static java.time.Instant instant(java.sql.ResultSet rs, int column) throws java.sql.SQLException {
		OffsetDateTime at = rs.getObject(column, OffsetDateTime.class);
		return at == null ? null : at.toInstant();
	}

	/**
	 * Up to {@code limit} account ids greater than {@code afterId}, in order: how jobs that visit every account
	 * (nightly health scores) walk them in ranges without holding them all.
	 */
	@Transactional(readOnly = true)
	public List<Long> accountIds(long afterId, int limit) {
		return jdbc.queryForList("select id from accounts where id > ? order by id fetch first " + limit + " rows only",
				Long.class, afterId);
	}
}
