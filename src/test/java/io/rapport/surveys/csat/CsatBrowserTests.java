package io.rapport.surveys.csat;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.microsoft.playwright.Page;
import io.rapport.BrowserTest;
import io.rapport.Fixtures;
import io.rapport.portal.MailState;
import io.rapport.tickets.TicketView;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A customer rates in a real Chromium, under the real CSP: with one click on the mail's link (then changes the
 * rating and comments), and on their solved ticket in the portal.
 */
class CsatBrowserTests extends BrowserTest {

	private static final Pattern LINK = Pattern.compile("https?://[^/\\s]+(/survey/[A-Za-z0-9_-]+\\?rating=5)");

	@Autowired
	Fixtures fixtures;

	@Autowired
	CsatFixtures csat;


	@Autowired
	CsatSettings settings;

	@Autowired
	CsatStore store;

	@Autowired
	MailState mailState;

	@Autowired
	JdbcTemplate jdbc;

	@BeforeEach
	void surveysAtOnce() {
		settings.saveDelay(0);
	}

	@AfterEach
	void restore() {
		settings.saveDelay(CsatSettings.DEFAULT_DELAY_MINUTES);
		mailState.restore();
	}

	@Test
	void shouldRateWithOneClickFromTheMailAndThenComment() {
		mailState.withMail();
		Fixtures.Person customer = fixtures.aCustomer();
		TicketView ticket = csat.aSolvedTicket(customer, fixtures.anAgentIn("tier1"));
		csat.awaitSurveys(ticket.id(), 1);
		// the service itself: the scheduled job runs in this context too, and ShedLock would skip a call it overlaps
		csat.service().sendDue();
		String body = jdbc.queryForObject("select body_text from outbound_mails where to_addresses like ? order by id desc "
				+ "fetch first 1 rows only", String.class, "%" + customer.email() + "%");
		Matcher m = LINK.matcher(body);
		assertThat(m.find()).as(body).isTrue();

		watchConsole(page);
		page.navigate(url(m.group(1)));
		page.waitForURL("**saved=rating");
		assertThat(page.locator("[data-csat-saved]")).containsText("Thank you: your rating is recorded.");
		assertThat(store.answerOf(ticket.id()).orElseThrow().rating()).isEqualTo(5);

		page.locator("label.csat-rating:has(input[value='4'])").click();
		page.getByLabel("Anything to add? What went well, what could be better?").fill("Fast, but I had to ask twice.");
		page.locator("[data-csat-form] button[type=submit]").click();
		page.waitForURL("**saved=comment");
		assertThat(page.locator("[data-csat-saved]")).containsText("Thank you: your answer is saved.");
		assertThat(page.locator("textarea[name=comment]")).hasValue("Fast, but I had to ask twice.");
		assertThat(store.answerOf(ticket.id())).hasValueSatisfying(a -> {
			assertThat(a.rating()).isEqualTo(4);
			assertThat(a.comment()).isEqualTo("Fast, but I had to ask twice.");
		});
		assertThat(consoleErrors).isEmpty();
	}

	@Test
	void shouldRateASolvedRequestInThePortal() {
		mailState.withoutMail();
		Fixtures.Person customer = fixtures.aCustomer();
		TicketView ticket = csat.aSolvedTicket(customer, fixtures.anAgentIn("tier1"));
		csat.awaitSurveys(ticket.id(), 1);
		// the service itself: the scheduled job runs in this context too, and ShedLock would skip a call it overlaps
		csat.service().sendDue();
		assertThat(csat.awaitSurveys(ticket.id(), 1).get(0).state()).isEqualTo(Survey.State.OFFERED);

		Page portal = newSession();
		watchConsole(portal);
		portal.navigate(url("/portal/login"));
		portal.fill("input[name=email]", customer.email());
		portal.fill("input[name=password]", Fixtures.PASSWORD);
		portal.click("button[type=submit]");
		portal.waitForURL("**/portal");
		portal.navigate(url("/portal/tickets/" + ticket.id()));
		assertThat(portal.locator("[data-csat-portal]")).containsText("How would you rate the support you received?");
		portal.locator("label.csat-rating:has(input[value='2'])").click();
		portal.locator("#csat-comment").fill("Nobody answered for three days.");
		portal.locator("[data-csat-portal] button[type=submit]").click();
		portal.waitForURL("**rated**");
		assertThat(portal.locator("[data-csat-current]")).containsText("Your rating: 2 of 5");
		assertThat(store.answerOf(ticket.id()).orElseThrow().comment()).isEqualTo("Nobody answered for three days.");
		assertThat(consoleErrors).isEmpty();
		portal.context().close();
	}
}
