package io.rapport.channels.email.mailboxes;

import java.time.Clock;
import java.util.List;

import io.rapport.channels.email.InboundMailStats;
import io.rapport.channels.email.Mailbox;
import io.rapport.channels.email.Mailboxes;
import io.rapport.identity.IdentityApi;
import io.rapport.shared.ConflictException;
import io.rapport.shared.NotFoundException;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Creating, changing and removing mailboxes, for the API and the admin pages alike. The first mailbox becomes the
 * default (the one {@code EmailApi} sends from); {@code default: true} moves it. Removing a mailbox that mail
 * already refers to only deactivates it, so the tickets' mail history keeps pointing at a row.
 */
@Service
class MailboxService {

	private final Mailboxes mailboxes;

	private final MailboxSettings settings;

	private final InboundSecrets inboundSecrets;

	private final IdentityApi identity;

	private final ObjectProvider<InboundMailStats> stats;

	private final TransactionTemplate transactions;

	private final Clock clock;

	MailboxService(Mailboxes mailboxes, MailboxSettings settings, InboundSecrets inboundSecrets, IdentityApi identity,
			ObjectProvider<InboundMailStats> stats, TransactionTemplate transactions, Clock clock) {
		this.mailboxes = mailboxes;
		this.settings = settings;
		this.inboundSecrets = inboundSecrets;
		this.identity = identity;
		this.stats = stats;
		this.transactions = transactions;
		this.clock = clock;
	}

	/** A mailbox and, once, the secret of its push endpoint. */
	record Created(Mailbox mailbox, String inboundSecret) {
	}

	@Transactional
	Created create(MailboxRequest request) {
		String name = MailboxSettings.name(request.name());
		String address = uniqueAddress(request.address(), null);
		String group = identity.requireGroup("group", MailboxSettings.text(request.group()) == null ? "tier1"
				: MailboxSettings.text(request.group())).key();
		String secret = inboundSecrets.generate();
		Mailbox mailbox = mailboxes.save(new Mailbox(name, address, group, InboundSecrets.hash(secret), clock.instant()));
		settings.apply(mailbox, request);
		if (Boolean.TRUE.equals(request.makeDefault()) || mailboxes.findFirstByDefaultMailboxTrueAndActiveTrue().isEmpty()) {
			makeDefault(mailbox);
		}
		return new Created(mailbox, secret);
	}

	@Transactional
	Mailbox update(long id, MailboxRequest request) {
		Mailbox mailbox = require(id);
		if (request.name() != null) {
			mailbox.setName(MailboxSettings.name(request.name()));
		}
		if (request.address() != null) {
			mailbox.setAddress(uniqueAddress(request.address(), id));
		}
		if (request.group() != null) {
			mailbox.setGroup(identity.requireGroup("group", MailboxSettings.text(request.group())).key());
		}
		settings.apply(mailbox, request);
		if (request.active() != null) {
			mailbox.setActive(request.active());
			if (!request.active() && mailbox.isDefaultMailbox()) {
				mailbox.setDefaultMailbox(false);
				nextDefault(id);
			}
		}
		if (Boolean.TRUE.equals(request.makeDefault()) && mailbox.isActive()) {
			makeDefault(mailbox);
		}
		return mailbox;
	}

	@Transactional
	Created rotateSecret(long id) {
		Mailbox mailbox = require(id);
		String secret = inboundSecrets.generate();
		mailbox.setInboundSecretHash(InboundSecrets.hash(secret));
		return new Created(mailbox, secret);
	}

	/**
	 * Deletes the mailbox, or deactivates it when rows refer to it (received or sent mail). Answers whether it
	 * was deleted.
	 */
	boolean delete(long id) {
		require(id);
		if (mailboxes.hasReceivedMail(id)) {
			transactions.executeWithoutResult(status -> update(id, deactivation()));
			return false;
		}
		try {
			transactions.executeWithoutResult(status -> {
				Mailbox mailbox = require(id);
				mailboxes.delete(mailbox);
				mailboxes.flush();
				if (mailbox.isDefaultMailbox()) {
					nextDefault(id);
				}
			});
			return true;
		}
		catch (DataIntegrityViolationException referenced) {
			transactions.executeWithoutResult(status -> update(id, deactivation()));
			return false;
		}
	}

	@Transactional(readOnly = true)
	List<Mailbox> all() {
		return mailboxes.findAllByOrderByName();
	}

	@Transactional(readOnly = true)
	Mailbox require(long id) {
		return mailboxes.findById(id).orElseThrow(() -> NotFoundException.of("errors.mailbox.not-found", id));
	}

	InboundMailStats.Counts counts(long id) {
		InboundMailStats counter = stats.getIfAvailable();
		return counter == null ? new InboundMailStats.Counts(0, 0, 0, 0) : counter.counts(id);
	}

	private String uniqueAddress(String given, Long self) {
		String address = MailboxSettings.address(given);
		mailboxes.findByAddress(address).filter(other -> !other.getId().equals(self)).ifPresent(other -> {
			throw ConflictException.of("errors.mailbox.address-taken", address);
		});
		return address;
	}

	private void makeDefault(Mailbox mailbox) {
		mailboxes.findAll().stream().filter(other -> other != mailbox).forEach(other -> other.setDefaultMailbox(false));
		mailbox.setDefaultMailbox(true);
	}

	private void nextDefault(long removed) {
		mailboxes.findAllByOrderByName().stream()
			.filter(other -> other.isActive() && other.getId() != removed)
			.findFirst()
			.ifPresent(this::makeDefault);
	}

	private static MailboxRequest deactivation() {
		return new MailboxRequest(null, null, null, null, null, null, null, null, null, null, false);
	}
}
