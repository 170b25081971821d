package io.rapport.channels.email.sandbox;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.microsoft.playwright.Page;
import jakarta.mail.internet.MimeMessage;

/**
 * For browser tests: a customer reads the mail Rapport sent them in the sandbox and follows its link, as they
 * would from their inbox (the mail goes through the outbox job, so it is awaited).
 */
public final class SandboxInbox {

	private static final Pattern LINK = Pattern.compile("https?://[^\\s\"'<>]+");

	private SandboxInbox() {
	}

	/** The first link containing {@code path} in a mail to {@code address}, once one arrives. */
	public static String awaitLink(MailSandbox sandbox, String address, String path, Duration timeout) {
		long deadline = System.nanoTime() + timeout.toNanos();
		while (System.nanoTime() < deadline) {
			for (MimeMessage mail : sandbox.receivedBy(address)) {
				Optional<String> link = link(mail, path);
				if (link.isPresent()) {
					return link.get();
				}
			}
			LockSupport.parkNanos(Duration.ofMillis(200).toNanos());
		}
		throw new AssertionError("No mail to " + address + " with a link to " + path + " within " + timeout);
	}

	/**
	 * After a sign-up: when the portal asks to confirm the address, follows the mailed link and confirms with the
	 * password, which signs the customer in.
	 */
	public static void confirmIfAsked(Page page, MailSandbox sandbox, String address, String password) {
		if (!page.getByText("Check your mail").isVisible()) {
			return;
		}
		page.navigate(awaitLink(sandbox, address, "/portal/verify/", Duration.ofSeconds(60)));
		page.getByLabel("Password").fill(password);
		page.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON,
				new Page.GetByRoleOptions().setName("Confirm and sign in")).click();
	}

	private static Optional<String> link(MimeMessage mail, String path) {
		SentMails.SentMail read = SentMails.read("", 0, null, mail);
		String body = (read.text() == null ? "" : read.text()) + " " + (read.safeHtml() == null ? "" : read.safeHtml());
		Matcher matcher = LINK.matcher(body);
		while (matcher.find()) {
			if (matcher.group().contains(path)) {
				return Optional.of(matcher.group().replace("&amp;", "&"));
			}
		}
		return Optional.empty();
	}
}
