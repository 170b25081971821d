package io.rapport.web;

import java.util.ArrayList;
import java.util.List;

import com.microsoft.playwright.Page;
import io.rapport.BrowserTest;
import io.rapport.Fixtures;
import io.rapport.Fixtures.Person;
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

	final List<String> errors = new ArrayList<>();

	@Test
	void shouldMintATokenFromTheProfileReachedFromTheTopBar() {
		signIn(page, fixtures.anAgentIn("tier1"));
		page.click(".topbar >> text=Your profile");
		page.waitForURL("**/profile");
		page.fill("input[name=tokenName]", "Laptop script");
		page.click("text=Create token");

		assertThat(page.locator(".token-once")).containsText("rpt_");
		assertThat(page.locator("#tokens table")).containsText("Laptop script");
		assertThat(errors).isEmpty();
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
		assertThat(errors).isEmpty();
	}

	private void signIn(Page on, Person agent) {
		on.onConsoleMessage(message -> {
			if ("error".equals(message.type()) && !message.text().startsWith("Failed to load resource")) {
				errors.add(message.text());
			}
		});
		on.onPageError(errors::add);
		on.navigate(url("/login"));
		on.fill("input[name=email]", agent.email());
		on.fill("input[name=password]", Fixtures.PASSWORD);
		on.click("button[type=submit]");
		on.waitForURL("**/tickets**");
	}
}
