package io.rapport.web;


import com.microsoft.playwright.Page;
import io.rapport.BrowserTest;
import io.rapport.Fixtures;
import io.rapport.accounts.AccountsApi;
import io.rapport.accounts.ContactView;
import io.rapport.accounts.NewContact;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/** The profile from the top bar and a portal invitation from the contact's page, in Chromium under the real CSP. */
class ProfileAndInvitationBrowserTests extends BrowserTest {

	@Autowired
	Fixtures fixtures;

	@Autowired
	AccountsApi accounts;

	@Test
	void shouldMintATokenFromTheProfileReachedFromTheTopBar() {
		signIn(page, fixtures.anAgentIn("tier1"));
		page.click(".topbar >> text=Your profile");
		page.waitForURL("**/profile");
		page.fill("input[name=tokenName]", "Laptop script");
		page.click("text=Create token");

		assertThat(page.locator(".token-once")).containsText("rpt_");
		assertThat(page.locator("#tokens table")).containsText("Laptop script");
		assertThat(consoleErrors).isEmpty();
	}

	@Test
	void shouldInviteAContactWhoThenSignsInToThePortal() {
		ContactView contact = accounts.createContact(
				new NewContact("browser-invitee-" + System.nanoTime() + "@example.org", "Ada Invitee", null, null));
		signIn(page, fixtures.anAdmin());
		page.navigate(url("/admin/contacts/" + contact.id()));
		page.click("text=Invite to the portal");
		String link = page.locator(".invite-link").inputValue();

		Page customer = newSession();
		customer.navigate(link);
		customer.fill("input[name=password]", "chosen-by-ada-1");
		customer.click("button[type=submit]");
		customer.waitForURL("**/portal?welcome");
		customer.navigate(link);
		assertThat(customer.locator("h1")).hasText("This link can't be used");
		customer.context().close();
		assertThat(consoleErrors).isEmpty();
	}
}
