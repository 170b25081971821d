package io.rapport.identity;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import io.rapport.IntegrationTest;
import io.rapport.TestDatabase;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/** What only a real server shows: cookie flags and response headers as a browser receives them. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
		"rapport.demo.enabled=false", "rapport.admin.password=" + IntegrationTest.ADMIN_PASSWORD,
		"rapport.security.bcrypt-strength=4" })
class ServerSecurityTests {

	@LocalServerPort
	int port;

	final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

	@DynamicPropertySource
	static void database(DynamicPropertyRegistry registry) {
		TestDatabase.register(registry, "server");
	}

	@Test
	void shouldSetHttpOnlySameSiteSessionCookieAndStrictHeadersOnPages() throws Exception {
		HttpResponse<String> page = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/login")).build(),
				HttpResponse.BodyHandlers.ofString());

		String cookie = page.headers().firstValue("Set-Cookie").orElseThrow();
		assertThat(cookie).startsWith("RAPPORT_SESSION=").contains("HttpOnly").contains("SameSite=Lax");
		assertThat(page.headers().firstValue("Content-Security-Policy").orElseThrow())
			.contains("script-src 'self'").doesNotContain("unsafe-inline").contains("frame-ancestors 'none'");
		assertThat(page.headers().firstValue("X-Frame-Options")).hasValue("DENY");
		assertThat(page.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
		assertThat(page.headers().firstValue("Referrer-Policy")).hasValue("same-origin");
	}

	@Test
	void shouldAnswerHealthWithoutSignIn() throws Exception {
		HttpResponse<String> health = http.send(
				HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/actuator/health")).build(),
				HttpResponse.BodyHandlers.ofString());

		assertThat(health.statusCode()).isEqualTo(200);
		assertThat(health.body()).contains("\"status\":\"UP\"");
	}

	@Test
	void shouldPublishOpenApiDocument() throws Exception {
		HttpResponse<String> doc = http.send(
				HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/v3/api-docs")).build(),
				HttpResponse.BodyHandlers.ofString());

		assertThat(doc.statusCode()).isEqualTo(200);
		assertThat(doc.body()).contains("/api/v1/tickets").contains("/api/v1/tickets/{id}/escalations");
	}
}
