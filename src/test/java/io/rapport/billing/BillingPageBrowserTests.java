package io.rapport.billing;

import java.nio.file.Path;

import com.microsoft.playwright.Page;
import io.rapport.BrowserTest;
import io.rapport.Fixtures;
import io.rapport.Fixtures.Person;
import io.rapport.accounts.AccountView;
import io.rapport.accounts.SubscriptionsApi;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/** An admin opens Billing from the admin area, saves the Stripe secret, previews a CSV file and imports it. */
class BillingPageBrowserTests extends BrowserTest {

	@Autowired
	Fixtures fixtures;

	@Autowired
	SubscriptionsApi subscriptions;

	@Test
	void shouldPreviewThenImportSubscriptionsFromTheBillingPage() {
		AccountView account = fixtures.anAccount();
		Person admin = fixtures.anAdmin();
		signIn(page, admin);
		page.navigate(url("/admin"));
		page.click("a[href='/admin/billing']");
		page.waitForURL("**/admin/billing");
		assertThat(page.locator("#webhook-url")).hasValue(java.util.regex.Pattern.compile(".*/api/v1/billing/stripe/webhook"));

		page.fill("input[name=secret]", "whsec_browserTestSecret42");
		page.click("#secret-form button[type=submit]");
		assertThat(page.locator("#notice")).containsText("saved");
		assertThat(page.locator("#secret-state")).containsText("A secret is saved");
		assertThat(page.locator("input[name=secret]")).hasValue("");

		page.fill("textarea[name=csv]", "account,plan,mrr,currency,seats,startedAt\n" + account.domain()
				+ ",Growth,149.00,EUR,10,2025-11-01\n");
		page.click("#import-form button[value=preview]");
		assertThat(page.locator("#import-rows tbody tr")).hasCount(1);
		assertThat(page.locator("#import-rows")).containsText("Growth");
		assertThat(page.locator("#import-rows")).containsText("Create");
		page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target/browser/billing-preview.png")).setFullPage(true));
		assertThat(subscriptions.ofAccount(account.id())).isEmpty();

		page.click("#import-form button[value=import]");
		assertThat(page.locator("#notice")).containsText("1 subscriptions created");
		assertThat(subscriptions.ofAccount(account.id())).hasSize(1);
		assertThat(consoleErrors).isEmpty();
	}
}
