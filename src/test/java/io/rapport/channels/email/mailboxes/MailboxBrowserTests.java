package io.rapport.channels.email.mailboxes;

import io.rapport.BrowserTest;
import io.rapport.Fixtures;
import io.rapport.channels.email.Mailboxes;
import io.rapport.channels.email.imap.TestMailServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * An administrator connects a mailbox to a real mail server (GreenMail) from the admin pages and tests the
 * connection, under the real Content-Security-Policy.
 */
class MailboxBrowserTests extends BrowserTest {

	@Autowired
	Fixtures fixtures;

	@Autowired
	Mailboxes mailboxes;

	TestMailServer server;

	@AfterEach
	void stop() {
		if (server != null) {
			mailboxes.findByAddress(server.login).ifPresent(mailboxes::delete);
			server.close();
		}
	}

	@Test
	void shouldCreateAMailboxAgainstAMailServerAndTestTheConnection() {
		server = new TestMailServer(Fixtures.uniqueEmail("support", "browser.example"));
		signIn(page, fixtures.anAdmin());

		page.navigate(url("/admin"));
		page.click("a[href='/admin/mailboxes']");
		page.click("text=New mailbox");
		page.check("input[name=inboundMode][value=PUSH]");
		assertThat(page.locator("input[name=imapHost]")).isHidden();
		page.check("input[name=inboundMode][value=IMAP]");
		page.fill("input[name=name]", "Browser support");
		page.fill("input[name=address]", server.login);
		page.fill("input[name=imapHost]", TestMailServer.HOST);
		page.fill("input[name=imapPort]", Integer.toString(server.imapPort()));
		page.selectOption("select[name=imapSecurity]", "NONE");
		page.fill("input[name=imapUsername]", server.login);
		page.fill("input[name=imapPassword]", server.password);
		page.fill("input[name=smtpHost]", TestMailServer.HOST);
		page.fill("input[name=smtpPort]", Integer.toString(server.smtpPort()));
		page.selectOption("select[name=smtpSecurity]", "NONE");
		page.click("button:has-text('Create mailbox')");

		assertThat(page.locator(".alert-success")).containsText("Browser support");
		assertThat(page.locator("#inbound-secret")).hasValue(java.util.regex.Pattern.compile("^rmi_.{40,}$"));
		assertThat(page.locator("input[name=imapPassword]")).hasValue("");
		page.click("button:has-text('Test connection')");

		assertThat(page.locator(".test-result[data-side=imap]")).containsText("Works");
		assertThat(page.locator(".test-result[data-side=imap]")).containsText("INBOX");
		assertThat(page.locator(".test-result[data-side=smtp]")).containsText("Works");
		assertThat(page.locator("#inbound-secret")).hasCount(0);
		page.navigate(url("/admin/mailboxes"));
		assertThat(page.locator("table.mailboxes")).containsText(server.login);
		assertThat(consoleErrors).isEmpty();
	}
}
