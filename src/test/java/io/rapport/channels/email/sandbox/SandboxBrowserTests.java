package io.rapport.channels.email.sandbox;

import java.util.Properties;

import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.Page;
import io.rapport.BrowserTest;
import io.rapport.Fixtures;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/** A newcomer on the sandbox page writes a mail as a customer and reads a mail Rapport sent. */
class SandboxBrowserTests extends BrowserTest {

	@Autowired
	Fixtures fixtures;

	@Autowired
	MailSandbox sandbox;

	@Test
	void shouldWriteAsACustomerAndReadWhatRapportSent() throws Exception {
		signIn(page, fixtures.anAdmin());
		page.navigate(url("/admin"));
		page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Mail sandbox")).first().click();
		assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Mail sandbox"))).isVisible();

		String subject = "Facturation en double " + System.nanoTime();
		page.getByLabel("Address", new Page.GetByLabelOptions().setExact(true)).fill("chloe@lumiere.example");
		page.getByLabel("Name", new Page.GetByLabelOptions().setExact(true)).fill("Chloé Martin");
		page.getByLabel("Subject", new Page.GetByLabelOptions().setExact(true)).fill(subject);
		page.getByLabel("Message", new Page.GetByLabelOptions().setExact(true)).fill("We were charged twice this month.");
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Send to support")).click();
		assertThat(page.getByText("The mail is on its way to support.")).isVisible();
		assertThat(sandbox.receivedBy(MailSandbox.ADDRESS)).anySatisfy(mail -> {
			try {
				assertThat(mail.getSubject()).isEqualTo(subject);
			}
			catch (jakarta.mail.MessagingException e) {
				throw new AssertionError(e);
			}
		});

		String customer = Fixtures.uniqueEmail("chloe", "lumiere.example");
		sendAsRapport(customer, "Re: [#7] " + subject, "We refunded the second charge.");
		page.reload();
		page.getByText(customer).first().click();
		assertThat(page.locator(".sandbox-mail[open] .sandbox-text")).containsText("We refunded the second charge.");
		assertThat(page.locator(".sandbox-mail[open] .sandbox-headers")).containsText("Message-ID");
		assertThat(consoleErrors).isEmpty();
	}

	private void sendAsRapport(String to, String subject, String text) throws Exception {
		Properties properties = new Properties();
		properties.put("mail.smtp.host", sandbox.host());
		properties.put("mail.smtp.port", String.valueOf(sandbox.smtpPort()));
		MimeMessage mail = new MimeMessage(Session.getInstance(properties));
		mail.setFrom(new InternetAddress(MailSandbox.ADDRESS, "Support"));
		mail.setRecipients(Message.RecipientType.TO, to);
		mail.setSubject(subject, "UTF-8");
		mail.setText(text, "UTF-8");
		Transport.send(mail);
	}
}
