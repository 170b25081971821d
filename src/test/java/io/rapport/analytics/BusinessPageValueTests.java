package io.rapport.analytics;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.rapport.Fixtures;
import io.rapport.Fixtures.Person;
import io.rapport.IntegrationTest;
import io.rapport.accounts.AccountView;
import io.rapport.activity.ActivityApi;
import io.rapport.activity.UsageEvent;
import io.rapport.surveys.CsatRated;
import io.rapport.surveys.NpsAnswered;
import io.rapport.tickets.Channel;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static io.rapport.web.Pages.signedInAs;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The Business page's time to value, NPS and CSAT sections, with numbers computed by hand, for January 2034. */
class BusinessPageValueTests extends IntegrationTest {

	private static final String PAGE = "/analytics/business?from=2034-01&to=2034-01";

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	@Autowired
	ActivityApi activity;

	@Autowired
	ApplicationEventPublisher events;

	@Autowired
	PlatformTransactionManager transactions;

	@Test
	void shouldShowTimeToValueNpsAndCsatWithTheirCounts() throws Exception {
		String valueEvent = "Dashboard Shared " + System.nanoTime();
		List<UsageEvent> usage = new ArrayList<>();
		// five signups on 2 January, value after 1, 2, 3, 4 and 10 days: median 3 days
		AccountView first = null;
		for (int days : new int[] { 1, 2, 3, 4, 10 }) {
			clock.set(noon(LocalDate.of(2034, 1, 2)));
			AccountView account = fixtures.anAccount();
			first = first == null ? account : first;
			usage.add(new UsageEvent(null, account.id(), null, "u1", valueEvent, noon(LocalDate.of(2034, 1, 2 + days)),
					0, Map.of()));
		}
		clock.set(START);
		activity.load(usage);
		activity.mark(valueEvent, true, false);
		// NPS 10, 10, 9, 8, 6, 3: (3 promoters − 2 detractors) ÷ 6 = 16.67; CSAT 5, 5, 4, 3, 1: 3 of 5 satisfied
		long base = System.nanoTime();
		long account = first.id();
		Instant at = noon(LocalDate.of(2034, 1, 20));
		new TransactionTemplate(transactions).executeWithoutResult(s -> {
			int i = 0;
			for (int score : new int[] { 10, 10, 9, 8, 6, 3 }) {
				events.publishEvent(new NpsAnswered(base + i, base + i, account, null, score, false, at));
				i++;
			}
			for (int rating : new int[] { 5, 5, 4, 3, 1 }) {
				events.publishEvent(new CsatRated(base + i, base + i, base + i, account, null, "tier1", Channel.EMAIL,
						rating, false, at.minusSeconds(3600), at));
				i++;
			}
		});
		Person lead = fixtures.anAgentIn("tier1");
		await().atMost(Duration.ofSeconds(60)).until(() -> {
			String page = mvc.perform(get(PAGE).with(signedInAs(lead))).andReturn().getResponse().getContentAsString();
			return page.contains("id=\"nps-responses\">6<") && page.contains("id=\"csat-responses\">5<");
		});

		mvc.perform(get(PAGE).with(signedInAs(lead)))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("Time to value"),
					containsString("id=\"ttv-median\">3 days<"),
					containsString("5 of 5 accounts reached value · p75 4 days"),
					containsString("/api/v1/metrics/ttv.csv?from=2034-01&amp;to=2034-01&amp;start=signup"),
					containsString("Net Promoter Score"), containsString("id=\"nps-score\">16.7<"),
					containsString("Customer satisfaction (CSAT)"), containsString("id=\"csat-rate\">60%<"))));
		// an unknown start is ignored: the page counts from signup
		mvc.perform(get(PAGE + "&start=trial").with(signedInAs(lead)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"ttv-median\">3 days<")));
		// December 2040 has no answers and no signups here: it says so
		mvc.perform(get("/analytics/business?from=2040-12&to=2040-12").with(signedInAs(lead)))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("No NPS answers in these months."),
					containsString("No CSAT answers in these months."), containsString("too little data (0)"))));
	}

	private static Instant noon(LocalDate day) {
		return day.atTime(12, 0).toInstant(ZoneOffset.UTC);
	}
}
