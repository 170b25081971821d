package io.rapport.shared.web;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import io.rapport.Fixtures;
import io.rapport.IntegrationTest;
import io.rapport.TestDatabase;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Bad input that only a real server sees (MockMvc neither parses multipart bodies nor keeps {@code //} or raw
 * bytes in a URL): each answers a 4xx problem document, on H2 and PostgreSQL.
 */
@Tag("db")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
		"rapport.demo.enabled=false", "rapport.admin.password=" + IntegrationTest.ADMIN_PASSWORD,
		"rapport.security.bcrypt-strength=4" })
class BadInputOnTheWireTests {

	@LocalServerPort
	int port;

	@Autowired
	Fixtures fixtures;

	final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

	@DynamicPropertySource
	static void database(DynamicPropertyRegistry registry) {
		TestDatabase.register(registry, "wire");
	}

	@Test
	void shouldAnswerAMultipartTypeWithoutBoundaryOrAWildcardOnAJsonEndpointWithAProblem() throws Exception {
		String agent = fixtures.anAgentIn("tier1").bearer();

		for (String type : new String[] { "multipart/form-data", "*/*" }) {
			HttpResponse<String> answer = send(HttpRequest.newBuilder(url("/api/v1/tickets"))
				.header("Authorization", agent).header("Content-Type", type)
				.POST(HttpRequest.BodyPublishers.ofString("{\"subject\": \"x\", \"description\": \"y\"}")));

			assertProblem(answer, type);
		}
	}

	@Test
	void shouldAnswerAMultipartReplyCutShortWithAProblem() throws Exception {
		Fixtures.Person customer = fixtures.aCustomer();
		long ticket = fixtures.aTicketFrom(customer, "Cut short").id();
		String truncated = "--XyZ\r\nContent-Disposition: form-data; name=\"body\"\r\n\r\nHello\r\n--XyZ\r\n"
				+ "Content-Disposition: form-data; name=\"files\"; filename=\"a.txt\"\r\nContent-Type: text/plain\r\n\r\nabc";

		HttpResponse<String> answer = send(HttpRequest.newBuilder(url("/api/v1/tickets/" + ticket + "/messages"))
			.header("Authorization", customer.bearer()).header("Content-Type", "multipart/form-data; boundary=XyZ")
			.POST(HttpRequest.BodyPublishers.ofString(truncated)));

		assertProblem(answer, "cut short");
	}

	@Test
	void shouldAnswerALoneSurrogateInTheQueryWithAProblem() throws Exception {
		HttpResponse<String> answer = send(HttpRequest.newBuilder(url("/api/v1/tickets?q=%ED%A0%80"))
			.header("Authorization", fixtures.anAgentIn("tier1").bearer()));

		assertThat(answer.statusCode()).as(answer.body()).isBetween(200, 499);
		assertThat(answer.statusCode()).isNotEqualTo(500);
	}

	@Test
	void shouldAnswerADoubleSlashOnTheApiWithAProblem() throws Exception {
		HttpResponse<String> answer = send(HttpRequest.newBuilder(url("/api/v1//tickets"))
			.header("Authorization", fixtures.anAgentIn("tier1").bearer()));

		assertProblem(answer, "//");
	}

	private URI url(String path) {
		return URI.create("http://localhost:" + port + path);
	}

	private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
		return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	private static void assertProblem(HttpResponse<String> answer, String what) {
		assertThat(answer.statusCode()).as(what + ": " + answer.body()).isBetween(400, 499);
		assertThat(answer.headers().firstValue("Content-Type")).as(what).hasValueSatisfying(
				type -> assertThat(type).startsWith("application/problem+json"));
		assertThat(answer.body()).contains(ApiProblems.TYPE_BASE);
	}
}
