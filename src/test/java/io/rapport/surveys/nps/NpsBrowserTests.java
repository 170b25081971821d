package io.rapport.surveys.nps;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import io.rapport.BrowserTest;
import io.rapport.Fixtures;
import io.rapport.Fixtures.Person;
import io.rapport.portal.MailState;
import io.rapport.surveys.NpsApi;
import io.rapport.surveys.NpsCampaignDraft;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A customer answers NPS in a real Chromium under the real CSP: from the link in the campaign mail (one click on a
 * score, then a comment), and from the banner on the portal's request list.
 */
class NpsBrowserTests extends BrowserTest {

	private static final Pattern LINK = Pattern.compile("https?://\\S+?(/surveys/nps/[A-Za-z0-9_.\\-]+)/7");

	@Autowired
	NpsService nps;

	@Autowired
	Fixtures fixtures;

	@Autowired
	MailState mailState;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	Answers answers;

	@AfterEach
	void restoreMail() {
		mailState.restore();
	}

	@Test
	void shouldAnswerFromTheMailLinkAndAddAComment() {
		mailState.withMail();
		Person admin = fixtures.anAdmin();
		Person customer = fixtures.aCustomer();
		long campaign = campaign(admin, customer, true, false);
		nps.sendDue(Instant.now());
		String mail = jdbc.queryForObject("select body_text from outbound_mails where to_addresses like ?",
				String.class, "%" + customer.email() + "%");
		Matcher link = LINK.matcher(mail);
		assertThat(link.find()).as(mail).isTrue();
		watchConsole(page);

		page.navigate(url(link.group(1) + "/7"));

		assertThat(page.getByText("Thank you, your score is saved.")).isVisible();
		assertThat(page.getByLabel("7")).isChecked();
		page.getByLabel("9").check();
		page.getByLabel("What is the main reason for your score? (optional)").fill("Answers came within the hour.");
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Send")).click();
		assertThat(page.getByText("Thank you, your answer is saved.")).isVisible();
		assertThat(page.getByLabel("9")).isChecked();

		Answers.Answer answer = answerTo(campaign);
		assertThat(answer.score()).isEqualTo(9);
		assertThat(answer.comment()).isEqualTo("Answers came within the hour.");
		assertThat(consoleErrors).as("console errors, such as CSP violations").isEmpty();
	}

	@Test
	void shouldAnswerFromThePortalBanner() {
		Person admin = fixtures.anAdmin();
		Person customer = fixtures.aCustomer();
		long campaign = campaign(admin, customer, false, true);
		nps.sendDue(Instant.now());
		watchConsole(page);
		page.navigate(url("/portal/login"));
		page.fill("#email", customer.email());
		page.fill("#password", Fixtures.PASSWORD);
		page.click("button[type=submit].button-primary");
		page.waitForURL("**/portal**");

		assertThat(page.locator("#nps-banner")).containsText("How likely are you to recommend Brightlane");
		page.locator("#nps-banner").getByRole(AriaRole.BUTTON, new com.microsoft.playwright.Locator.GetByRoleOptions()
			.setName("3").setExact(true)).click();
		assertThat(page.getByText("Thank you, your score is saved.")).isVisible();
		page.getByLabel("What is the main reason for your score? (optional)").fill("Invoices are confusing.");
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Send")).click();
		assertThat(page.getByText("Thank you, your answer is saved.")).isVisible();

		page.navigate(url("/portal"));
		assertThat(page.locator("#nps-banner")).hasCount(0);
		Answers.Answer answer = answerTo(campaign);
		assertThat(answer.score()).isEqualTo(3);
		assertThat(answer.source()).isEqualTo(Answers.Source.PORTAL);
		assertThat(answer.comment()).isEqualTo("Invoices are confusing.");
		assertThat(consoleErrors).as("console errors, such as CSP violations").isEmpty();
	}

	private long campaign(Person admin, Person customer, boolean byEmail, boolean byPortal) {
		return nps.createCampaign(new NpsCampaignDraft("Browser " + System.nanoTime(), "Brightlane", "LIST",
				List.of(), List.of(customer.email()), byEmail, byPortal, "ONCE", Instant.now().minusSeconds(60), null,
				true, Map.of()), admin.id());
	}

	private Answers.Answer answerTo(long campaign) {
		List<NpsApi.NpsInvitation> invitations = nps.invitations(campaign);
		return jdbc.query("select id from nps_answers where invitation_id = ?", (rs, n) -> rs.getLong(1),
				invitations.get(0).id()).stream().findFirst().flatMap(answers::find).orElseThrow();
	}
}
