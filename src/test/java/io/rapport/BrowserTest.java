package io.rapport;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestWatcher;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Rapport on a real port, driven by Debian's headless Chromium through Playwright. One browser per JVM; each
 * test gets a fresh context (cookies, storage). A failing test leaves a screenshot in {@code target/browser}.
 */
@Tag("browser")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
		"rapport.demo.enabled=false", "rapport.admin.password=" + IntegrationTest.ADMIN_PASSWORD,
		"rapport.data-dir=target/test-data" })
@ExtendWith(BrowserTest.ScreenshotOnFailure.class)
public abstract class BrowserTest {

	static final Path CHROMIUM = Path.of(System.getenv().getOrDefault("RAPPORT_TEST_CHROMIUM", "/usr/bin/chromium"));

	private static Playwright playwright;

	private static Browser browser;

	@LocalServerPort
	protected int port;

	protected BrowserContext context;

	protected Page page;

	/** Script errors and CSP refusals seen by the pages this test watches; a 4xx answer to a form is expected. */
	protected final List<String> consoleErrors = new ArrayList<>();

	@DynamicPropertySource
	static void database(DynamicPropertyRegistry registry) {
		TestDatabase.register(registry, "browser");
	}

	@BeforeEach
	void openBrowser(TestInfo test) {
		context = browser().newContext(new Browser.NewContextOptions().setViewportSize(1280, 860));
		context.setDefaultTimeout(15_000);
		page = context.newPage();
	}

	@AfterEach
	void closeContext() {
		if (context != null) {
			context.close();
		}
	}

	/** Collects the page's script errors and CSP refusals into {@link #consoleErrors}. */
	protected void watchConsole(Page on) {
		on.onConsoleMessage(message -> {
			if ("error".equals(message.type()) && !message.text().startsWith("Failed to load resource")) {
				consoleErrors.add(message.text());
			}
		});
		on.onPageError(consoleErrors::add);
	}

	/** Signs the agent in on the given page, watching its console, and waits for the workspace. */
	protected void signIn(Page on, Fixtures.Person agent) {
		watchConsole(on);
		on.navigate(url("/login"));
		on.fill("input[name=email]", agent.email());
		on.fill("input[name=password]", Fixtures.PASSWORD);
		on.click("button[type=submit]");
		on.waitForURL("**/tickets**");
	}

	protected String url(String path) {
		return "http://localhost:" + port + path;
	}

	/** A second, independent browser session, e.g. the customer while the agent is signed in. */
	protected Page newSession() {
		return browser().newContext(new Browser.NewContextOptions().setViewportSize(390, 844)).newPage();
	}

	private static synchronized Browser browser() {
		if (browser == null) {
			playwright = Playwright.create(new Playwright.CreateOptions()
				.setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
			browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
				.setExecutablePath(CHROMIUM)
				.setHeadless(true)
				.setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-background-networking",
						"--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic")));
			Runtime.getRuntime().addShutdownHook(new Thread(() -> {
				browser.close();
				playwright.close();
			}));
		}
		return browser;
	}

	static class ScreenshotOnFailure implements TestWatcher {

		@Override
		public void testFailed(ExtensionContext extension, Throwable cause) {
			extension.getTestInstance().filter(BrowserTest.class::isInstance).map(BrowserTest.class::cast)
				.filter(test -> test.page != null && !test.page.isClosed())
				.ifPresent(test -> test.page.screenshot(new Page.ScreenshotOptions().setFullPage(true)
					.setPath(Path.of("target/browser", extension.getDisplayName().replaceAll("\\W+", "_") + ".png"))));
		}
	}
}
