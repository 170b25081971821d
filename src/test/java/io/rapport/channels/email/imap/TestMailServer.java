package io.rapport.channels.email.imap;

import java.nio.charset.StandardCharsets;
import java.util.Properties;

import com.icegreen.greenmail.imap.ImapHostManager;
import com.icegreen.greenmail.store.MailFolder;
import com.icegreen.greenmail.store.StoredMessage;
import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.Flags;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;

/**
 * A GreenMail SMTP + IMAP + IMAPS server on free ports with one mailbox user, for the mailbox tests. Mails are
 * put straight into the user's folders, and folders and flags are read straight from GreenMail's store, so the
 * tests see what the server holds, not what a second client believes.
 */
public final class TestMailServer implements AutoCloseable {

	public static final String HOST = "127.0.0.1";

	private final GreenMail greenMail;

	private final GreenMailUser user;

	public final String login;

	public final String password;

	public TestMailServer(String address) {
		ServerSetup[] setups = ServerSetup.dynamicPort(new ServerSetup[] { ServerSetupTest.SMTP,
				ServerSetupTest.IMAP, ServerSetupTest.IMAPS });
		for (ServerSetup setup : setups) {
			// The first IMAPS server of a JVM makes its certificate; on a busy machine that takes seconds.
			setup.setServerStartupTimeout(30_000);
		}
		greenMail = new GreenMail(setups);
		greenMail.start();
		login = address;
		password = "secret-" + System.nanoTime();
		user = greenMail.setUser(address, address, password);
	}

	/** Changes what the server accepts as the password, and as the XOAUTH2 access token (GreenMail checks both alike). */
	public void acceptOnly(String password) {
		user.setPassword(password);
	}

	public int imapPort() {
		return greenMail.getImap().getPort();
	}

	public int imapsPort() {
		return greenMail.getImaps().getPort();
	}

	public int smtpPort() {
		return greenMail.getSmtp().getPort();
	}

	/** Puts a mail with this subject and body into a folder of the user (INBOX, or another, created). */
	public void deliver(String folder, String subject, String body) throws Exception {
		deliver(folder, "customer@example.org", subject, body);
	}

	/** Puts a mail from this sender into a folder of the user. */
	public void deliver(String folder, String from, String subject, String body) throws Exception {
		MimeMessage message = new MimeMessage(Session.getInstance(new Properties()));
		message.setFrom(from);
		message.setRecipients(jakarta.mail.Message.RecipientType.TO, login);
		message.setSubject(subject, StandardCharsets.UTF_8.name());
		message.setText(body, StandardCharsets.UTF_8.name());
		message.saveChanges();
		folder(folder).appendMessage(message, new Flags(), null);
	}

	public void deliver(String subject, String body) throws Exception {
		deliver("INBOX", subject, body);
	}

	/** The folder, created when missing. */
	public MailFolder folder(String name) throws Exception {
		ImapHostManager manager = greenMail.getManagers().getImapHostManager();
		MailFolder inbox = manager.getInbox(user);
		if ("INBOX".equals(name)) {
			return inbox;
		}
		MailFolder folder = manager.getFolder(user, name);
		return folder != null ? folder : manager.createMailbox(user, name);
	}

	public boolean hasFolder(String name) {
		return greenMail.getManagers().getImapHostManager().getFolder(user, name) != null;
	}

	/** Clears the {@code \\Seen} flag of every mail in a folder, as if the flag had never been set. */
	public void unsee(String folderName) throws Exception {
		for (StoredMessage message : folder(folderName).getMessages()) {
			message.setFlag(Flags.Flag.SEEN, false);
		}
	}

	/** The subjects in a folder, in order, each with {@code (seen)} when flagged so. */
	public String[] subjects(String folderName) throws Exception {
		return folder(folderName).getMessages().stream().map(TestMailServer::describe).toArray(String[]::new);
	}

	private static String describe(StoredMessage message) {
		try {
			String subject = message.getMimeMessage().getSubject();
			return message.isSet(Flags.Flag.SEEN) ? subject + " (seen)" : subject;
		}
		catch (Exception e) {
			throw new IllegalStateException(e);
		}
	}

	@Override
	public void close() {
		greenMail.stop();
	}
}
