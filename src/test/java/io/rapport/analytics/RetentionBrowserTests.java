package io.rapport.analytics;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.rapport.BrowserTest;
import io.rapport.Fixtures;
import io.rapport.Fixtures.Person;
import io.rapport.activity.ActivityApi;
import io.rapport.activity.UsageEvent;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/** A lead asks the Business page for a week's cohort, reads its heat-map and opens the people behind a cell. */
class RetentionBrowserTests extends BrowserTest {

	@Autowired
	Fixtures fixtures;

	@Autowired
	ActivityApi activity;

	@Test
	void shouldOpenThePeopleRetainedInACellOfTheHeatMap() {
		// Given five people who signed up in the week of 7 January 2019, three of whom came back the week after
		long account = fixtures.anAccount().id();
		List<UsageEvent> events = new ArrayList<>();
		for (int i = 1; i <= 5; i++) {
			events.add(new UsageEvent(null, account, null, "browser-u" + i, "Signed Up",
					Instant.parse("2019-01-08T10:00:00Z"), 0, Map.of()));
			if (i <= 3) {
				events.add(new UsageEvent(null, account, null, "browser-u" + i, "Viewed",
						Instant.parse("2019-01-15T10:00:00Z"), 0, Map.of()));
			}
		}
		activity.load(events);
		Person lead = fixtures.anAgentIn("tier1");

		// When the lead opens the Business page and asks for that cohort over two weeks
		signIn(page, lead);
		page.click("a[href='/analytics/business']");
		page.waitForURL("**/analytics/business");
		page.fill("input[name=rfrom]", "2019-01-07");
		page.fill("input[name=rto]", "2019-01-07");
		page.fill("input[name=rperiods]", "2");
		page.click("#retention-filter button[type=submit]");
		page.waitForURL("**/analytics/business?**rfrom=2019-01-07**");

		// Then the row holds the five of them and 60 % the week after, which opens the three people
		assertThat(page.locator("#retention-heatmap tbody tr").first()).containsText("2019-01-07");
		assertThat(page.locator("#retention-heatmap tbody tr").first()).containsText("60%");
		assertThat(page.locator("#retention-csv")).hasAttribute("href",
				java.util.regex.Pattern.compile(".*/api/v1/metrics/retention\\.csv\\?.*from=2019-01-07.*"));
		page.click("#retention-heatmap a:text('60%')");
		page.waitForURL("**/analytics/business/retention/members?**n=1**");
		assertThat(page.locator("#members-table tbody tr")).hasCount(3);
		assertThat(page.locator("#members-table")).containsText("browser-u3");
		assertThat(page.locator("#members-csv")).hasAttribute("href",
				java.util.regex.Pattern.compile(".*/api/v1/metrics/retention/members\\.csv\\?.*cohort=2019-01-07.*"));
		assertThat(consoleErrors).isEmpty();
	}
}
