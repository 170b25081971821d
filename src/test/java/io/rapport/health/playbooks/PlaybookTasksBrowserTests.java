package io.rapport.health.playbooks;

import java.time.Instant;

import io.rapport.BrowserTest;
import io.rapport.Fixtures;
import io.rapport.Fixtures.Person;
import io.rapport.accounts.AccountView;
import io.rapport.accounts.AccountsApi;
import io.rapport.health.HealthFlagRaised;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static io.rapport.health.playbooks.PlaybookScenario.onFlag;
import static io.rapport.health.playbooks.PlaybookScenario.task;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A playbook run makes a task for the account's success manager, who finds it from the sidebar's Tasks link,
 * completes it with an outcome and a note, and sees it done on the account page.
 */
class PlaybookTasksBrowserTests extends BrowserTest {

	@Autowired
	Fixtures fixtures;

	@Autowired
	AccountsApi accounts;

	@Autowired
	Playbooks playbooks;

	@Autowired
	PlaybookEngine engine;

	@Autowired
	JdbcTemplate jdbc;

	@AfterEach
	void pauseTestPlaybooks() {
		jdbc.update("update playbooks set active = false where builtin_key is null");
	}

	@Test
	void shouldCompleteAPlaybookTaskFromTheTasksPageAndSeeItOnTheAccountPage() {
		Person manager = fixtures.anAgentIn("success");
		AccountView account = fixtures.anAccount();
		accounts.setOwner(account.id(), manager.id());
		playbooks.create(onFlag("Browser rescue", "password-resets", manager.id(),
				task("Call about the password resets", 0)));
		deliver(new HealthFlagRaised(account.id(), "password-resets", "9 resets in 30 days", Instant.now()));
		signIn(page, manager);

		page.click("a[href='/tasks']");
		page.waitForURL("**/tasks");
		var task = page.locator("[data-tasks] li", new com.microsoft.playwright.Page.LocatorOptions()
			.setHasText("Call about the password resets"));
		assertThat(task).containsText(account.name());
		task.locator("details.pb-actions summary").click();
		task.locator("[data-complete] select[name=outcome]").selectOption("reached");
		task.locator("[data-complete] textarea[name=note]").fill("Reset SSO for their team");
		task.locator("[data-complete] button[type=submit]").click();
		assertThat(page.locator("[data-task-notice]")).containsText("Call about the password resets");
		assertThat(page.locator("[data-tasks] li", new com.microsoft.playwright.Page.LocatorOptions()
			.setHasText("Call about the password resets"))).hasCount(0);

		page.navigate(url("/accounts/" + account.id()));
		var done = page.locator("[data-account-done-tasks] li", new com.microsoft.playwright.Page.LocatorOptions()
			.setHasText("Call about the password resets"));
		assertThat(done.locator("[data-outcome]")).hasText("Reached");
		assertThat(done.locator("[data-note]")).hasText("Reset SSO for their team");
		assertThat(consoleErrors).isEmpty();
	}

	/** Delivers an event to playbooks as their listener does, in this thread. */
	private void deliver(Object event) {
		PlaybookTriggers.occurrencesOf(event).forEach(engine::fire);
	}
}
