package io.rapport.channels.email.sandbox;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.HexFormat;

import io.rapport.channels.email.Mailbox;
import io.rapport.channels.email.Mailbox.AfterImport;
import io.rapport.channels.email.Mailbox.ImapAuth;
import io.rapport.channels.email.Mailbox.InboundMode;
import io.rapport.channels.email.Mailbox.Security;
import io.rapport.channels.email.Mailboxes;
import io.rapport.shared.secrets.SecretBox;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Connects Rapport to the sandbox at start: the mailbox "Support" ({@link MailSandbox#ADDRESS}) read over IMAP
 * every 5 seconds and answering over SMTP, new tickets in tier1, the default mailbox when there is no other. It is
 * created once; later starts point it at the sandbox's ports and password again (a port may have moved) and
 * switch it back on if it was switched off.
 */
@Component
@SandboxEnabled
@Order(20)
class SandboxMailbox implements ApplicationRunner {

	static final int POLL_SECONDS = 5;

	private final MailSandbox sandbox;

	private final Mailboxes mailboxes;

	private final SecretBox secrets;

	private final Clock clock;

	SandboxMailbox(MailSandbox sandbox, Mailboxes mailboxes, SecretBox secrets, Clock clock) {
		this.sandbox = sandbox;
		this.mailboxes = mailboxes;
		this.secrets = secrets;
		this.clock = clock;
	}

	@Override
	@Transactional
	public void run(ApplicationArguments args) {
		ensure();
	}

	/** The sandbox's mailbox, created on first start and pointed at the sandbox on every start. */
	@Transactional
	public Mailbox ensure() {
		Mailbox mailbox = mailboxes.findByAddress(MailSandbox.ADDRESS).orElseGet(this::create);
		if (!mailbox.isActive()) {
			mailbox.setActive(true);
			mailbox.setDefaultMailbox(mailboxes.findFirstByDefaultMailboxTrueAndActiveTrue().isEmpty());
		}
		mailbox.setImapHost(sandbox.host());
		mailbox.setImapPort(sandbox.imapPort());
		mailbox.setImapSecretSealed(secrets.seal(sandbox.password(), "mailbox:" + mailbox.getId() + ":imap"));
		mailbox.setSmtpHost(sandbox.host());
		mailbox.setSmtpPort(sandbox.smtpPort());
		mailbox.setSmtpSecretSealed(secrets.seal(sandbox.password(), "mailbox:" + mailbox.getId() + ":smtp"));
		return mailbox;
	}

	private Mailbox create() {
		byte[] unused = new byte[32];
		new SecureRandom().nextBytes(unused);
		Mailbox mailbox = new Mailbox("Support", MailSandbox.ADDRESS, "tier1",
				HexFormat.of().formatHex(sha256(unused)), clock.instant());
		mailbox.setInboundMode(InboundMode.IMAP);
		mailbox.setImapSecurity(Security.NONE);
		mailbox.setImapUsername(MailSandbox.ADDRESS);
		mailbox.setImapAuth(ImapAuth.PASSWORD);
		mailbox.setImapFolder("INBOX");
		mailbox.setPollSeconds(POLL_SECONDS);
		mailbox.setAfterImport(AfterImport.SEEN);
		mailbox.setSmtpSecurity(Security.NONE);
		mailbox.setSmtpUsername(MailSandbox.ADDRESS);
		mailbox.setFromName("Support");
		mailbox.setDefaultMailbox(mailboxes.findFirstByDefaultMailboxTrueAndActiveTrue().isEmpty());
		return mailboxes.saveAndFlush(mailbox);
	}

	private static byte[] sha256(byte[] bytes) {
		try {
			return java.security.MessageDigest.getInstance("SHA-256").digest(bytes);
		}
		catch (java.security.NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
	}
}
