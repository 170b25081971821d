package io.rapport.portal;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.FilePayload;
import io.rapport.BrowserTest;
import io.rapport.channels.email.sandbox.MailSandbox;
import io.rapport.channels.email.sandbox.SandboxInbox;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/** The portal in a real Chromium on a phone-sized screen: the CSP holds, nothing overflows, the form guards uploads. */
class PortalBrowserTests extends BrowserTest {

	@Autowired
	MailSandbox sandbox;

	@Test
	void shouldSignUpAndSendARequestFromAPhone() {
		page.setViewportSize(375, 812);
		List<String> problems = new ArrayList<>();
		page.onConsoleMessage(message -> {
			if ("error".equals(message.type())) {
				problems.add(message.text());
			}
		});
		page.onResponse(response -> {
			if (response.status() >= 400) {
				problems.add(response.status() + " " + response.url());
			}
		});

		page.navigate(url("/portal/login"));
		page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Create an account")).click();
		page.getByLabel("Your name").fill("Ludoviko Verda");
		String email = "ludoviko-" + System.nanoTime() + "@verdastelo.example";
		page.getByLabel("Work email").fill(email);
		page.getByLabel("Password").fill("sekreta-pasvorto");
		page.getByLabel("Password").press("Enter");
		page.getByText("Welcome! Your account is ready.").or(page.getByText("Check your mail")).waitFor();
		SandboxInbox.confirmIfAsked(page, sandbox, email, "sekreta-pasvorto");
		assertThat(page.getByText("Welcome! Your account is ready.")).isVisible();
		assertFitsTheScreen(page);

		page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("New request").setExact(true)).first().click();
		page.getByLabel("Something is broken").check();
		page.getByLabel("Subject").fill("Kalendaro ne sinkronigas");
		page.getByLabel("Description").fill("Since Monday the calendar sync stops after a minute.");
		page.getByLabel("Attachments (optional)").setInputFiles(
				new FilePayload("huge.log", "text/plain", new byte[11 * 1024 * 1024]));
		assertThat(page.getByText("Larger than 10 MB: huge.log")).isVisible();
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Send request")).click();
		assertThat(page).hasURL(Pattern.compile(".*/portal/tickets/new$"));
		assertFitsTheScreen(page);

		page.getByLabel("Attachments (optional)").setInputFiles(
				new FilePayload("sync.log", "text/plain", "sync stopped at 10:02".getBytes()));
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Send request")).click();
		assertThat(page.getByText("Thanks! We have your request")).isVisible();
		assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Kalendaro ne sinkronigas")))
			.isVisible();
		assertThat(page.getByText("Waiting for us").first()).isVisible();
		assertThat(page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("sync.log"))).isVisible();
		assertFitsTheScreen(page);

		assertThat(problems).as("console errors, such as CSP violations").isEmpty();
	}

	private static void assertFitsTheScreen(Page page) {
		Object overflow = page.evaluate("() => document.documentElement.scrollWidth - window.innerWidth");
		assertThat(((Number) overflow).intValue()).as("horizontal overflow in px on " + page.url()).isLessThanOrEqualTo(0);
	}
}
