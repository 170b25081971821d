package io.rapport.channels.email.outbound;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import io.rapport.Fixtures;
import io.rapport.channels.email.Mailbox;
import io.rapport.channels.email.Mailboxes;

/**
 * Mailboxes for one test, sending to a local port; {@link #deactivateAll()} in {@code @AfterEach} leaves the shared
 * context without a default mailbox, as the other tests expect.
 */
final class TestMailboxes {

	private final Mailboxes mailboxes;

	private final List<Long> created = new ArrayList<>();

	TestMailboxes(Mailboxes mailboxes) {
		this.mailboxes = mailboxes;
	}

	Mailbox sendingTo(int smtpPort, boolean isDefault) {
		String address = Fixtures.uniqueEmail("support", "brightlane.example");
		Mailbox mailbox = new Mailbox("Brightlane Support", address, "tier1", "0".repeat(64), Instant.now());
		mailbox.setSmtpHost("127.0.0.1");
		mailbox.setSmtpPort(smtpPort);
		mailbox.setSmtpSecurity(Mailbox.Security.NONE);
		mailbox.setFromName("Brightlane");
		mailbox.setDefaultMailbox(isDefault);
		if (isDefault) {
			mailboxes.findAll().stream().filter(Mailbox::isDefaultMailbox).forEach(m -> {
				m.setDefaultMailbox(false);
				mailboxes.save(m);
			});
		}
		Mailbox saved = mailboxes.save(mailbox);
		created.add(saved.getId());
		return saved;
	}

	Mailbox pointAt(Mailbox mailbox, int smtpPort) {
		Mailbox fresh = mailboxes.findById(mailbox.getId()).orElseThrow();
		fresh.setSmtpPort(smtpPort);
		return mailboxes.save(fresh);
	}

	void deactivateAll() {
		for (Long id : created) {
			mailboxes.findById(id).ifPresent(m -> {
				m.setActive(false);
				m.setDefaultMailbox(false);
				mailboxes.save(m);
			});
		}
		created.clear();
	}
}
