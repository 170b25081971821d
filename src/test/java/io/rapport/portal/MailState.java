package io.rapport.portal;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

import io.rapport.channels.email.Mailbox;
import io.rapport.channels.email.Mailboxes;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Whether mail can go out changes what the portal does (sign-up verifies the address only when it can), and the
 * database is shared with contexts that start the mail sandbox: a test says which it needs, and {@link #restore}
 * puts the mailboxes back as they were.
 */
@Component
public class MailState {

	private final Mailboxes mailboxes;

	private final Clock clock;

	private final List<Runnable> undo = new ArrayList<>();

	MailState(Mailboxes mailboxes, Clock clock) {
		this.mailboxes = mailboxes;
		this.clock = clock;
	}

	/** A default mailbox with SMTP settings exists (one made for the test, unless there is one already). */
	@Transactional
	public void withMail() {
		if (mailboxes.findFirstByDefaultMailboxTrueAndActiveTrue().filter(m -> m.getSmtpHost() != null).isPresent()) {
			return;
		}
		withoutMail();
		byte[] random = new byte[8];
		new SecureRandom().nextBytes(random);
		String suffix = HexFormat.of().formatHex(random);
		Mailbox mailbox = new Mailbox("Portal tests " + suffix, "portal-tests-" + suffix + "@rapport.test", "tier1",
				"0".repeat(64), clock.instant());
		mailbox.setSmtpHost("127.0.0.1");
		mailbox.setSmtpPort(9);
		mailbox.setSmtpSecurity(Mailbox.Security.NONE);
		mailbox.setDefaultMailbox(true);
		long id = mailboxes.saveAndFlush(mailbox).getId();
		undo.add(() -> mailboxes.findById(id).ifPresent(made -> {
			made.setDefaultMailbox(false);
			made.setActive(false);
			mailboxes.saveAndFlush(made);
		}));
	}

	/** No mailbox is the default one, so no mail can go out. */
	@Transactional
	public void withoutMail() {
		mailboxes.findAll().stream().filter(Mailbox::isDefaultMailbox).forEach(mailbox -> {
			long id = mailbox.getId();
			mailbox.setDefaultMailbox(false);
			mailboxes.saveAndFlush(mailbox);
			undo.add(0, () -> mailboxes.findById(id).ifPresent(again -> {
				again.setDefaultMailbox(true);
				mailboxes.saveAndFlush(again);
			}));
		});
	}

	/** Puts back what {@link #withMail} and {@link #withoutMail} changed, last change first. */
	@Transactional
	public void restore() {
		List<Runnable> steps = new ArrayList<>(undo);
		undo.clear();
		steps.forEach(Runnable::run);
	}
}
