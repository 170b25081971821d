package io.rapport.knowledge.helpcenter;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import io.rapport.BrowserTest;
import io.rapport.Fixtures;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The help center and the portal's suggestions in a real Chromium under the real CSP: instant results while
 * typing, the results page, an article, a vote with its comment; then a customer whose request form suggests an
 * article and who ends it without sending a request.
 */
class HelpCenterBrowserTests extends BrowserTest {

	@Autowired
	Fixtures fixtures;

	@Test
	void shouldSearchWithInstantResultsReadAnArticleAndVoteOnAPhone() throws Exception {
		String word = "trellomax" + System.nanoTime() % 100000;
		String slug = publish("Connect " + word + " to your calendar",
				"Open **Integrations**, choose " + word + ", and sign in.");
		page.setViewportSize(390, 844);
		watchConsole(page);

		page.navigate(url("/help"));
		assertThat(page).hasURL(Pattern.compile(".*/help/en$"));
		page.onResponse(response -> {
			if (response.status() >= 400) {
				consoleErrors.add(response.status() + " " + response.url());
			}
		});
		com.microsoft.playwright.Response instant = page.waitForResponse(
				response -> response.url().contains("/search/instant") && response.url().contains(word),
				() -> page.getByLabel("Search the help center").pressSequentially("calendar " + word,
						new com.microsoft.playwright.Locator.PressSequentiallyOptions().setDelay(30)));
		assertThat(instant.status()).as(instant.text()).isEqualTo(200);
		assertThat(instant.text()).contains("Connect " + word + " to your calendar");
		assertThat(page.locator("#hc-instant .hc-article-title")).hasText("Connect " + word + " to your calendar");
		page.getByLabel("Search the help center").press("Enter");
		assertThat(page).hasURL(Pattern.compile(".*/help/en/search\\?q=calendar\\+" + word + ".*"));
		assertThat(page.locator(".hc-results mark").first()).isVisible();

		page.locator(".hc-results").getByRole(AriaRole.LINK).first().click();
		assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Connect " + word + " to your calendar")))
			.isVisible();
		assertThat(page.locator(".hc-body strong")).hasText("Integrations");
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("No").setExact(true)).click();
		page.getByLabel("What was missing? (optional)").fill("Which calendars are supported?");
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Send")).click();
		assertThat(page.getByText("Thank you, the team will use it to improve this article.")).isVisible();
		assertThat(page).hasURL(Pattern.compile(".*/help/en/articles/" + slug + "(\\?sid=.*)?$"));
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Yes").setExact(true)).click();
		assertThat(page.getByText("Thanks for letting us know.")).isVisible();

		page.locator(".hc-locales summary").click();
		page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Română")).click();
		assertThat(page.getByText("Acest articol nu este încă disponibil în limba dumneavoastră")).isVisible();
		Object overflow = page.evaluate("() => document.documentElement.scrollWidth - window.innerWidth");
		assertThat(((Number) overflow).intValue()).isLessThanOrEqualTo(0);
		assertThat(consoleErrors).as("script errors and CSP refusals").isEmpty();
	}

	@Test
	void shouldSuggestArticlesWhileACustomerWritesARequestAndEndItWithoutOne() throws Exception {
		String word = "quorvex" + System.nanoTime() % 100000;
		publish("Reset your " + word + " password", "Use the link on the " + word + " sign-in page.");
		Fixtures.Person customer = fixtures.aCustomer();
		watchConsole(page);

		page.navigate(url("/portal/login"));
		page.fill("input[name=email]", customer.email());
		page.fill("input[name=password]", Fixtures.PASSWORD);
		page.click("button[type=submit]");
		page.waitForURL("**/portal");
		page.navigate(url("/portal/tickets/new"));
		page.getByLabel("Subject").pressSequentially("Cannot reset " + word + " password",
				new com.microsoft.playwright.Locator.PressSequentiallyOptions().setDelay(20));
		assertThat(page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Reset your " + word + " password")))
			.isVisible();

		Page article = page.waitForPopup(() -> page.getByRole(AriaRole.LINK,
				new Page.GetByRoleOptions().setName("Reset your " + word + " password")).click());
		assertThat(article.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Reset your " + word + " password")))
			.isVisible();
		article.close();
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("My question was answered, no request sent")).click();

		assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Glad we could help"))).isVisible();
		assertThat(consoleErrors).as("script errors and CSP refusals").isEmpty();
	}

	/** Publishes an English article through the knowledge base's API, as an admin; answers its slug. */
	private String publish(String title, String body) throws Exception {
		Fixtures.Person admin = fixtures.anAdmin();
		HttpClient http = HttpClient.newHttpClient();
		String category = send(http, admin, "/api/v1/kb/categories",
				"{\"names\":{\"en\":\"Browser " + System.nanoTime() + "\"}}");
		String categoryId = field(category, "id");
		String slug = KbFixtures.unique("browser-article");
		send(http, admin, "/api/v1/kb/articles", "{\"kind\":\"GUIDE\",\"categoryId\":" + categoryId
				+ ",\"visibility\":\"PUBLIC\",\"defaultLocale\":\"en\",\"title\":\"" + title + "\",\"slug\":\"" + slug
				+ "\",\"summary\":\"" + title + "\",\"body\":\"" + body.replace("\"", "\\\"") + "\",\"state\":\"PUBLISHED\"}");
		return slug;
	}

	private String send(HttpClient http, Fixtures.Person admin, String path, String json) throws Exception {
		HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url(path)))
			.header("Authorization", admin.bearer()).header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).as(response.body()).isBetween(200, 299);
		return response.body();
	}

	private static String field(String json, String name) {
		Matcher matcher = Pattern.compile("\"" + name + "\"\\s*:\\s*(\\d+)").matcher(json);
		assertThat(matcher.find()).isTrue();
		return matcher.group(1);
	}
}
