package io.rapport.channels.email.sandbox;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.store.FolderException;
import com.icegreen.greenmail.store.StoredMessage;
import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.rapport.shared.RapportProperties;
import io.rapport.shared.StartupBanner;
import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * An SMTP and IMAP server on localhost (GreenMail, in memory) so that the embedded trial shows the whole mail loop
 * without any mail account: customers' mails go to {@link #ADDRESS}, which Rapport reads over IMAP, and every mail
 * Rapport sends lands in a mailbox of its recipient here, to be read on the sandbox page. The support user's password
 * is random, kept in the data directory so that the stored mailbox still signs in after a restart. A configured
 * port that is taken is replaced by a free one. Mail lives in memory: a restart empties the boxes.
 */
@Component
@SandboxEnabled
public class MailSandbox implements StartupBanner {

	public static final String ADDRESS = "support@rapport.localhost";

	static final String PASSWORD_FILE = "mail-sandbox-password";

	private static final Logger log = LoggerFactory.getLogger(MailSandbox.class);

	private final GreenMail greenMail;

	private final String password;

	private final int smtpPort;

	private final int imapPort;

	MailSandbox(RapportProperties properties, @Value("${rapport.mail.sandbox.smtp-port:3025}") int smtpPort,
			@Value("${rapport.mail.sandbox.imap-port:3143}") int imapPort) {
		this.password = password(properties.dataDir().resolve(PASSWORD_FILE));
		this.smtpPort = freeOr(smtpPort);
		this.imapPort = freeOr(imapPort);
		this.greenMail = new GreenMail(new ServerSetup[] {
				new ServerSetup(this.smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP),
				new ServerSetup(this.imapPort, "127.0.0.1", ServerSetup.PROTOCOL_IMAP) });
		greenMail.withConfiguration(GreenMailConfiguration.aConfig().withUser(ADDRESS, ADDRESS, password));
		greenMail.start();
		log.info("Mail sandbox: SMTP on 127.0.0.1:{}, IMAP on 127.0.0.1:{}", this.smtpPort, this.imapPort);
	}

	@PreDestroy
	void stop() {
		greenMail.stop();
	}

	public String host() {
		return "127.0.0.1";
	}

	public int smtpPort() {
		return smtpPort;
	}

	public int imapPort() {
		return imapPort;
	}

	/** The support user's password, for the mailbox Rapport reads and sends with. */
	public String password() {
		return password;
	}

	/** Every mail in every sandbox mailbox except support's: what Rapport sent, with the box it landed in. */
	List<Delivered> sent() {
		return greenMail.getUserManager().listUser().stream()
			.filter(user -> !ADDRESS.equalsIgnoreCase(user.getEmail()))
			.flatMap(user -> inbox(user).stream().map(message -> new Delivered(user.getEmail(), message)))
			.toList();
	}

	/** The mails in the sandbox box of {@code address}, oldest first (what Rapport sent there). */
	public List<jakarta.mail.internet.MimeMessage> receivedBy(String address) {
		GreenMailUser user = greenMail.getUserManager().getUserByEmail(address);
		return user == null ? List.of() : inbox(user).stream().map(StoredMessage::getMimeMessage).toList();
	}

	@Override
	public List<String> bannerLines() {
		return List.of("Mail sandbox: customers write to " + ADDRESS + " (SMTP 127.0.0.1:" + smtpPort + ", IMAP 127.0.0.1:"
				+ imapPort + "); write and read its mail under Admin → Mail sandbox");
	}

	private List<StoredMessage> inbox(GreenMailUser user) {
		try {
			return greenMail.getManagers().getImapHostManager().getInbox(user).getMessages();
		}
		catch (FolderException e) {
			return List.of();
		}
	}

	/** A mail as it sits in the box of {@code mailbox}. */
	record Delivered(String mailbox, StoredMessage message) {
	}

	private static int freeOr(int port) {
		try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getByName("127.0.0.1"))) {
			return socket.getLocalPort();
		}
		catch (IOException taken) {
			try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
				return socket.getLocalPort();
			}
			catch (IOException e) {
				throw new UncheckedIOException("No free port for the mail sandbox", e);
			}
		}
	}

	private static String password(Path file) {
		try {
			if (Files.exists(file)) {
				return Files.readString(file).strip();
			}
			byte[] bytes = new byte[18];
			new SecureRandom().nextBytes(bytes);
			String generated = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
			Files.createDirectories(file.toAbsolutePath().getParent());
			Files.writeString(file, generated + "\n");
			return generated;
		}
		catch (IOException e) {
			throw new UncheckedIOException("Cannot keep the mail sandbox password in " + file, e);
		}
	}
}
