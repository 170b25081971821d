package io.rapport.tickets;

import java.util.List;

import io.rapport.BrowserTest;
import io.rapport.Fixtures;
import io.rapport.Fixtures.Person;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/** A received mail on the agent's ticket page, in Chromium under the real Content-Security-Policy. */
class EmailMessageBrowserTests extends BrowserTest {

	@Autowired
	Fixtures fixtures;

	@Autowired
	TicketIntake intake;

	@Test
	void shouldCollapseTheQuoteAndLoadRemotePicturesOnlyOnRequest() {
		Person agent = fixtures.anAgentIn("tier1");
		String remote = "http://127.0.0.1:" + port + "/favicon.svg";
		long ticketId = intake.receive(new InboundMessage("email:support@rapport.test", "<" + System.nanoTime() + "@m>",
				Channel.EMAIL, null, Fixtures.uniqueEmail("mara", "pop.example"), "Mara", null, "Our logo",
				"<p>Our logo: <img id=\"remote\" src=\"" + remote + "\" alt=\"logo\"></p>", NewMessage.BodyFormat.HTML,
				List.of(), null, List.of(), false, null, "<blockquote>What you wrote last week</blockquote>", null))
			.ticketId();

		signIn(page, agent);
		page.navigate(url("/tickets/" + ticketId));

		assertThat(page.locator(".remote-image-blocked")).hasText("Remote image blocked");
		assertThat(page.locator("img[src='" + remote + "']")).hasCount(0);
		assertThat(page.locator("text=What you wrote last week")).isHidden();
		page.click("summary:has-text('Show quoted text')");
		assertThat(page.locator("text=What you wrote last week")).isVisible();

		page.click("text=Load remote images");
		page.waitForURL("**remoteImages=**");
		assertThat(page.locator(".remote-image-blocked")).hasCount(0);
		page.waitForFunction("() => { const i = document.querySelector(\"img[alt='logo']\");"
				+ " return i && i.complete && i.naturalWidth > 0; }");
		assertThat(consoleErrors).isEmpty();
	}
}
