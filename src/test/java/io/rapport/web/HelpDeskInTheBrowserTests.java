package io.rapport.web;

import com.microsoft.playwright.Page;
import io.rapport.BrowserTest;
import io.rapport.channels.email.sandbox.MailSandbox;
import io.rapport.channels.email.sandbox.SandboxInbox;
import io.rapport.Fixtures;
import io.rapport.Fixtures.Person;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/**
 * The round trip the help desk exists for, in a real browser: a customer asks in the portal, a Tier 1 advocate
 * opens the ticket from the queue, replies, leaves a note and escalates to Tier 2 with a reason, and the customer
 * sees the reply (but not the note).
 */
class HelpDeskInTheBrowserTests extends BrowserTest {

	@Autowired
	Fixtures fixtures;

	@Autowired
	MailSandbox sandbox;

	@Test
	void shouldCarryAPortalRequestThroughReplyAndEscalationBackToTheCustomer() {
		String email = "browser-" + System.nanoTime() + "@example.org";
		String subject = "Sync stops after 20 minutes " + System.nanoTime();
		Page customer = newSession();

		// Given a customer who signs up and asks in the portal
		customer.navigate(url("/portal/signup"));
		customer.fill("#name", "Ilinca Popescu");
		customer.fill("#email", email);
		customer.fill("#password", "a-long-secret-1");
		customer.click("button[type=submit]");
		customer.getByText("Check your mail").or(customer.locator("a[href$='/portal/tickets/new']")).first().waitFor();
		SandboxInbox.confirmIfAsked(customer, sandbox, email, "a-long-secret-1");
		signInIfAsked(customer, email, "a-long-secret-1");
		customer.navigate(url("/portal/tickets/new"));
		customer.fill("#subject", subject);
		customer.fill("#description", "The desktop app stops syncing after about 20 minutes.");
		customer.click("form[enctype='multipart/form-data'] button[type=submit]");
		assertThat(customer.locator("h1")).containsText(subject);

		// When a Tier 1 advocate opens it from the queue, replies, notes and escalates
		Person advocate = fixtures.anAgentIn("tier1", "tier2");
		page.navigate(url("/login"));
		page.fill("input[name=email]", advocate.email());
		page.fill("input[name=password]", Fixtures.PASSWORD);
		page.click("button[type=submit]");
		page.navigate(url("/tickets?group=tier1"));
		page.click("text=" + subject);
		assertThat(page.locator("h1")).containsText(subject);

		page.fill("#reply-body", "Thanks Ilinca, please update to 4.2.1; it fixes the sync timeout.");
		page.click("form.composer button[type=submit]");
		assertThat(page.locator(".message-body").last()).containsText("please update to 4.2.1");

		page.click("text=Internal note");
		page.fill("#reply-body", "Customer is on the legacy sync engine.");
		page.click("form.composer button[type=submit]");
		assertThat(page.locator(".message-body").last()).containsText("legacy sync engine");

		page.selectOption("select[name=to]", "tier2");
		page.fill("textarea[name=reason]", "Timeout persists after the update: needs the sync logs");
		page.click("text=Escalate >> nth=-1");
		assertThat(page.locator(".escalation-reason")).containsText("needs the sync logs");

		// Then the customer sees the reply, and not the internal note
		customer.navigate(url("/portal"));
		customer.click("text=" + subject);
		assertThat(customer.locator(".conversation")).containsText("please update to 4.2.1");
		assertThat(customer.locator(".conversation")).not().containsText("legacy sync engine");
		assertThat(customer.locator("body")).not().containsText("needs the sync logs");
		customer.context().close();
	}

	private void signInIfAsked(Page customer, String email, String password) {
		if (customer.url().contains("/portal/login")) {
			customer.fill("input[name=email]", email);
			customer.fill("input[name=password]", password);
			customer.click("button[type=submit]");
			customer.waitForURL(address -> !address.contains("/login"));
		}
	}
}
