package io.rapport.activity;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

import com.jayway.jsonpath.JsonPath;
import io.rapport.Fixtures;
import io.rapport.Fixtures.Person;
import io.rapport.IntegrationTest;
import io.rapport.accounts.AccountView;
import io.rapport.accounts.AccountsApi;
import io.rapport.accounts.ContactView;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.hasKey;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Segment's tracking API as Rapport answers it: write keys and who may manage them, field rules, partial batches,
 * idempotency by messageId, limits, identify and group linking people and accounts, and the rollups it feeds.
 */
class TrackingApiTests extends IntegrationTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	@Autowired
	AccountsApi accounts;

	@Autowired
	JdbcTemplate jdbc;

	Person admin;

	String key;

	@BeforeEach
	void aKey() throws Exception {
		admin = fixtures.anAdmin();
		key = JsonPath.read(mvc.perform(post("/api/v1/write-keys").header("Authorization", admin.bearer())
			.contentType(MediaType.APPLICATION_JSON).content("{\"name\": \"Web app\"}"))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.name").value("Web app"))
			.andReturn().getResponse().getContentAsString(), "$.key");
	}

	ResultActions send(String path, String writeKey, String json) throws Exception {
		return mvc.perform(post(path).header("Authorization", basic(writeKey))
			.contentType(MediaType.APPLICATION_JSON).content(json));
	}

	static String basic(String writeKey) {
		return "Basic " + Base64.getEncoder().encodeToString((writeKey + ":").getBytes(StandardCharsets.UTF_8));
	}

	static String id() {
		return UUID.randomUUID().toString();
	}

	String groupId() {
		return "acct-" + id().substring(0, 8);
	}

	long accountOf(String groupId) {
		return accounts.accountByExternalId(groupId).orElseThrow().id();
	}

	List<DailyUsage> usage(long accountId) {
		return jdbc.query("select usage_day, event, sum(event_count), count(*), sum(duration_seconds) from activity_daily "
				+ "where account_id = ? group by usage_day, event order by usage_day, event",
				(rs, n) -> new DailyUsage(rs.getDate(1).toLocalDate(), rs.getString(2), rs.getLong(3), rs.getLong(4),
						rs.getLong(5)), accountId);
	}

	@Test
	void shouldStoreABatchOnceHoweverOftenItIsRetried() throws Exception {
		String group = groupId();
		String batch = """
				{"batch": [
				  {"type": "group", "userId": "u1", "groupId": "%s", "traits": {"name": "Northwind"}, "messageId": "%s"},
				  {"type": "track", "userId": "u1", "event": "Report Exported", "messageId": "%s",
				   "timestamp": "2026-03-01T10:00:00Z"},
				  {"type": "track", "userId": "u1", "event": "Session Ended", "properties": {"durationSeconds": 600},
				   "messageId": "%s", "timestamp": "2026-03-01T11:00:00Z"}
				]}""".formatted(group, id(), id(), id());

		send("/v1/batch", key, batch).andExpect(status().isOk()).andExpect(jsonPath("$.success").value(true))
			.andExpect(jsonPath("$.accepted").value(3)).andExpect(jsonPath("$.duplicates").value(0));
		send("/v1/batch", key, batch).andExpect(status().isOk()).andExpect(jsonPath("$.accepted").value(0))
			.andExpect(jsonPath("$.duplicates").value(3));

		long account = accountOf(group);
		assertThat(accounts.account(account).orElseThrow().name()).isEqualTo("Northwind");
		assertThat(usage(account)).containsExactly(
				new DailyUsage(LocalDate.parse("2026-03-01"), "Report Exported", 1, 1, 0),
				new DailyUsage(LocalDate.parse("2026-03-01"), "Session Ended", 1, 1, 600));
		assertThat(jdbc.queryForObject("select count(*) from activity_events where account_id = ?", Long.class,
				account)).isEqualTo(3);
	}

	@Test
	void shouldStoreTheValidEventsOfABatchAndSayWhichWereRefusedAndWhy() throws Exception {
		String group = groupId();
		send("/v1/batch", key, """
				{"batch": [
				  {"type": "track", "userId": "u2", "event": "Feature Used", "context": {"groupId": "%s"}, "messageId": "%s"},
				  {"type": "track", "userId": "u2", "messageId": "no-event-%s"},
				  {"type": "track", "event": "Feature Used", "messageId": "%s"},
				  {"type": "alias", "userId": "u2", "previousId": "x"},
				  {"type": "track", "userId": "u2", "event": "Session Ended", "properties": {"durationSeconds": -5}},
				  {"type": "track", "userId": "u2", "event": "Feature Used", "timestamp": "yesterday"},
				  "not an object"
				]}""".formatted(group, id(), id(), id()))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.accepted").value(1))
			.andExpect(jsonPath("$.refused", hasSize(6)))
			.andExpect(jsonPath("$.refused[0].index").value(1))
			.andExpect(jsonPath("$.refused[0].field").value("event"))
			.andExpect(jsonPath("$.refused[0].code").value("event-missing"))
			.andExpect(jsonPath("$.refused[0].detail").value("A track call needs an event name."))
			.andExpect(jsonPath("$.refused[1].field").value("userId"))
			.andExpect(jsonPath("$.refused[2].code").value("type-unsupported"))
			.andExpect(jsonPath("$.refused[3].field").value("properties.durationSeconds"))
			.andExpect(jsonPath("$.refused[4].field").value("timestamp"))
			.andExpect(jsonPath("$.refused[5].code").value("not-an-object"));
		assertThat(usage(accountOf(group))).hasSize(1);
	}

	@Test
	void shouldLinkAUserToAContactByEmailAndCountTheirEventsForTheirAccount() throws Exception {
		AccountView account = fixtures.anAccount();
		String email = Fixtures.uniqueEmail("dana", account.domain());
		send("/v1/identify", key, """
				{"userId": "dana-1", "traits": {"email": "%s", "name": "Dana Scully"}}""".formatted(email))
			.andExpect(status().isOk()).andExpect(jsonPath("$.accepted").value(1));
		ContactView contact = accounts.contactByEmail(email).orElseThrow();
		assertThat(contact.name()).isEqualTo("Dana Scully");
		assertThat(contact.accountId()).isEqualTo(account.id());

		send("/v1/track", key, """
				{"userId": "dana-1", "event": "Signed In", "timestamp": "2026-03-02T08:00:00Z"}""")
			.andExpect(status().isOk());
		send("/v1/page", key, """
				{"userId": "dana-1", "name": "Home", "timestamp": "2026-03-02T08:01:00Z"}""")
			.andExpect(status().isOk());

		assertThat(usage(account.id())).containsExactly(
				new DailyUsage(LocalDate.parse("2026-03-02"), "Page Viewed", 1, 1, 0),
				new DailyUsage(LocalDate.parse("2026-03-02"), "Signed In", 1, 1, 0));
		assertThat(jdbc.queryForObject("select user_key from activity_daily where account_id = ? and event = ?",
				String.class, account.id(), "Signed In")).isEqualTo("c:" + contact.id());
	}

	@Test
	void shouldCorrectTheSendersClockAsSegmentDoes() throws Exception {
		String group = groupId();
		// the device's clock is two days behind: it stamped the event and sent it "on 28 February", received 2 March
		send("/v1/batch", key, """
				{"sentAt": "2026-02-28T09:00:00Z", "batch": [
				  {"type": "track", "userId": "u3", "event": "Feature Used", "context": {"groupId": "%s"},
				   "timestamp": "2026-02-28T08:00:00Z", "messageId": "%s"}]}""".formatted(group, id()))
			.andExpect(status().isOk());
		// received at 09:00 on 2 March, an hour after it happened
		assertThat(usage(accountOf(group))).extracting(DailyUsage::day).containsExactly(START.atZone(
				java.time.ZoneOffset.UTC).toLocalDate());
		assertThat(jdbc.queryForObject("select occurred_at from activity_events where account_id = ?",
				java.time.OffsetDateTime.class, accountOf(group)).toInstant())
			.isEqualTo(START.minus(java.time.Duration.ofHours(1)));
	}

	@Test
	void shouldAddALateEventToItsOwnDay() throws Exception {
		String group = groupId();
		for (String day : List.of("2026-03-02", "2026-01-15", "2026-01-15")) {
			send("/v1/track", key, """
					{"userId": "late", "event": "Feature Used", "context": {"groupId": "%s"},
					 "timestamp": "%sT12:00:00Z", "messageId": "%s"}""".formatted(group, day, id()))
				.andExpect(status().isOk());
		}
		assertThat(usage(accountOf(group))).containsExactly(
				new DailyUsage(LocalDate.parse("2026-01-15"), "Feature Used", 2, 1, 0),
				new DailyUsage(LocalDate.parse("2026-03-02"), "Feature Used", 1, 1, 0));
	}

	@Test
	void shouldRefuseWithoutAnActiveWriteKey() throws Exception {
		String event = "{\"userId\": \"u\", \"event\": \"Signed In\"}";
		send("/v1/track", "not-a-key", event).andExpect(status().isUnauthorized())
			.andExpect(header().string("WWW-Authenticate", org.hamcrest.Matchers.startsWith("Basic")));
		mvc.perform(post("/v1/track").contentType(MediaType.APPLICATION_JSON).content(event))
			.andExpect(status().isUnauthorized());
		mvc.perform(post("/v1/track").header("Authorization", admin.bearer()).contentType(MediaType.APPLICATION_JSON)
			.content(event)).andExpect(status().isUnauthorized());

		long keyId = jdbc.queryForObject("select id from activity_write_keys where key_hint = ? order by id desc "
				+ "limit 1", Long.class, key.substring(28));
		mvc.perform(delete("/api/v1/write-keys/" + keyId).header("Authorization", admin.bearer()))
			.andExpect(status().isNoContent());
		send("/v1/track", key, event).andExpect(status().isUnauthorized());
	}

	@Test
	void shouldLetOnlyAdminsManageKeysAndNeverShowAKeyAgain() throws Exception {
		Person agent = fixtures.anAgentIn("tier1");
		Person customer = fixtures.aCustomer();
		mvc.perform(post("/api/v1/write-keys").header("Authorization", agent.bearer())
			.contentType(MediaType.APPLICATION_JSON).content("{\"name\": \"x\"}")).andExpect(status().isForbidden());
		// customers are told nothing exists, as everywhere in the API
		mvc.perform(get("/api/v1/write-keys").header("Authorization", customer.bearer()))
			.andExpect(status().isNotFound());
		mvc.perform(delete("/api/v1/write-keys/1").header("Authorization", agent.bearer()))
			.andExpect(status().isForbidden());
		mvc.perform(get("/api/v1/write-keys")).andExpect(status().isUnauthorized());
		mvc.perform(get("/api/v1/write-keys").header("Authorization", admin.bearer())).andExpect(status().isOk())
			.andExpect(jsonPath("$[0]", not(hasKey("key"))))
			.andExpect(jsonPath("$[0]", not(hasKey("keyHash"))));
		mvc.perform(post("/api/v1/write-keys").header("Authorization", admin.bearer())
			.contentType(MediaType.APPLICATION_JSON).content("{\"name\": \" \"}"))
			.andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("name"));
		mvc.perform(delete("/api/v1/write-keys/999999999").header("Authorization", admin.bearer()))
			.andExpect(status().isNotFound());
		assertThat(jdbc.queryForList("select key_hash from activity_write_keys", String.class)).doesNotContain(key);
	}

	@Test
	void shouldRefuseBodiesPastSegmentsLimits() throws Exception {
		StringBuilder many = new StringBuilder("{\"batch\": [");
		for (int i = 0; i < 2501; i++) {
			many.append(i == 0 ? "" : ",").append("{\"type\":\"track\",\"userId\":\"u\",\"event\":\"e\"}");
		}
		send("/v1/batch", key, many.append("]}").toString()).andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("batch"));
		String big = "x".repeat(501 * 1024);
		send("/v1/batch", key, "{\"batch\": [], \"pad\": \"" + big + "\"}").andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("batch"));
		send("/v1/track", key, "{\"userId\": \"u\", \"event\": \"e\", \"properties\": {\"pad\": \""
				+ "x".repeat(33 * 1024) + "\"}}").andExpect(status().isBadRequest());
		send("/v1/batch", key, "{not json").andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("body"));
		send("/v1/batch", key, "{\"events\": []}").andExpect(status().isBadRequest());
		send("/v1/track", key, "{\"userId\": \"u\"}").andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("event"));
	}

	@Test
	void shouldRefuseOnlyTheMessagesOfABatchPastSegments32KbAsSent() throws Exception {
		String group = groupId();
		String padding = "x".repeat(32 * 1024);
		String spaces = " ".repeat(32 * 1024); // counts as sent, as Segment counts a message
		send("/v1/batch", key, """
				{"batch": [
				  {"type": "track", "userId": "u5", "event": "Feature Used", "context": {"groupId": "%s"},
				   "messageId": "%s", "timestamp": "2026-03-02T09:30:00.250+01:00", "properties": {"pad": "%s"}},
				  {"type": "track", "userId": "u5", "event": "Feature Used", "context": {"groupId": "%s"},
				   "messageId": "%s", "timestamp": "2026-03-02T09:30:00.250+01:00"%s},
				  {"type": "track", "userId": "u5", "event": "Report Exported", "context": {"groupId": "%s"},
				   "messageId": "%s", "timestamp": "2026-03-02T08:30:00Z", "properties": {"pad": "%s"}}
				],
				"sentAt": null}""".formatted(group, id(), padding, group, id(), spaces, group, id(),
				padding.substring(1024)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.accepted").value(1))
			.andExpect(jsonPath("$.refused", hasSize(2)))
			.andExpect(jsonPath("$.refused[0].index").value(0))
			.andExpect(jsonPath("$.refused[0].field").value("message"))
			.andExpect(jsonPath("$.refused[0].code").value("too-large"))
			.andExpect(jsonPath("$.refused[1].index").value(1));
		assertThat(usage(accountOf(group)))
			.containsExactly(new DailyUsage(LocalDate.parse("2026-03-02"), "Report Exported", 1, 1, 0));
		assertThat(jdbc.queryForObject("select occurred_at from activity_events where account_id = ?",
				java.time.OffsetDateTime.class, accountOf(group)).toInstant())
			.isEqualTo(java.time.Instant.parse("2026-03-02T08:30:00Z"));
	}

	@Test
	void shouldAnswerAnAccountsUsageToAgentsWithProblemsForBadDates() throws Exception {
		String group = groupId();
		send("/v1/batch", key, """
				{"batch": [
				  {"type": "track", "userId": "a", "event": "Session Ended", "properties": {"durationSeconds": 60},
				   "context": {"groupId": "%1$s"}, "timestamp": "2026-02-20T10:00:00Z", "messageId": "%2$s"},
				  {"type": "track", "userId": "b", "event": "Session Ended", "properties": {"durationSeconds": 30},
				   "context": {"groupId": "%1$s"}, "timestamp": "2026-02-20T11:00:00Z", "messageId": "%3$s"},
				  {"type": "track", "userId": "a", "event": "Feature Used",
				   "context": {"groupId": "%1$s"}, "timestamp": "2026-02-21T11:00:00Z", "messageId": "%4$s"}
				]}""".formatted(group, id(), id(), id())).andExpect(status().isOk());
		long account = accountOf(group);
		Person agent = fixtures.anAgentIn("tier1");
		String url = "/api/v1/accounts/" + account + "/usage";

		mvc.perform(get(url).param("from", "2026-02-01").param("to", "2026-02-28").header("Authorization",
				agent.bearer()))
			.andExpect(status().isOk()).andExpect(jsonPath("$", hasSize(2)))
			.andExpect(jsonPath("$[0].day").value("2026-02-20"))
			.andExpect(jsonPath("$[0].event").value("Session Ended"))
			.andExpect(jsonPath("$[0].count").value(2))
			.andExpect(jsonPath("$[0].users").value(2))
			.andExpect(jsonPath("$[0].durationSeconds").value(90));
		mvc.perform(get(url).param("event", "Feature Used").header("Authorization", agent.bearer()))
			.andExpect(jsonPath("$", hasSize(1))).andExpect(jsonPath("$[0].day").value("2026-02-21"));
		mvc.perform(get(url).param("from", "2026-13-01").header("Authorization", agent.bearer()))
			.andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("from"));
		mvc.perform(get(url).param("from", "2026-03-01").param("to", "2026-02-01").header("Authorization",
				agent.bearer())).andExpect(status().isBadRequest());
		mvc.perform(get(url).param("from", "2020-01-01").header("Authorization", agent.bearer()))
			.andExpect(status().isBadRequest());
		mvc.perform(get("/api/v1/accounts/999999999/usage").header("Authorization", agent.bearer()))
			.andExpect(status().isNotFound());
		mvc.perform(get(url).header("Authorization", fixtures.aCustomer().bearer())).andExpect(status().isNotFound());
		mvc.perform(get(url).header("Authorization", basic(key))).andExpect(status().isUnauthorized());
	}
}
