package io.rapport.demo;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import io.rapport.RapportApplication;
import io.rapport.knowledge.KnowledgeApi;
import io.rapport.knowledge.KnowledgeApi.Audience;
import io.rapport.knowledge.KnowledgeApi.SearchResults;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The demo on first start: once, on an empty database, with a password that is printed and kept only in the data dir. */
@ExtendWith(OutputCaptureExtension.class)
class DemoStartupTests {

	private static final String WITHOUT_NPS_FOLLOW_UPS = "select count(*) from tickets where id not in "
			+ "(select ticket_id from nps_followups)";

	/** Subscriptions, trials, cancellations with reasons, owners, stages; the ledger adds up to each MRR. */
	private static void shouldHaveTheCustomerBase(JdbcTemplate jdbc, CapturedOutput output) {
		// the 20 accounts, and the wider base behind them: customers who stay and past customers (DemoCustomerBase)
		assertThat(jdbc.queryForObject("select count(distinct account_id) from subscriptions", Long.class))
			.isEqualTo(20L + DemoUsage.STAYING_CUSTOMERS + DemoUsage.PAST_CUSTOMERS);
		assertThat(jdbc.queryForObject("select count(*) from subscriptions where trial_ends_at is not null", Long.class))
			.isEqualTo(3);
		assertThat(jdbc.queryForList("select cancel_reason from subscriptions where cancelled_at is not null", String.class))
			.hasSizeGreaterThanOrEqualTo(2 + DemoUsage.PAST_CUSTOMERS).allMatch(reason -> !reason.isBlank());
		// a year of usage for every account, drifting and cancelling ones included, loaded in one pass
		assertThat(jdbc.queryForObject("select count(distinct account_id) from activity_daily where usage_day < ?",
				Long.class, java.sql.Date.valueOf(java.time.LocalDate.now().minusDays(300)))).isGreaterThanOrEqualTo(20);
		assertThat(jdbc.queryForObject("select count(distinct event) from activity_daily", Long.class))
			.isGreaterThanOrEqualTo(8);
		assertThat(output).contains("Demo usage: a year for 20 accounts");
		// people signing up week after week, so the weekly cohort retention table has cohorts (DemoCohorts)
		assertThat(output).contains("Demo cohort retention:");
		assertThat(jdbc.queryForObject("select count(distinct user_key) from activity_daily where user_key like 'u:trial-%'",
				Long.class)).isGreaterThan(100L);
		// two of today's accounts left for good, and the past customers of the last two years; the other
		// cancellations are history (a finished package, a customer who returned)
		assertThat(jdbc.queryForObject("select count(distinct account_id) from subscriptions s where not exists"
				+ " (select 1 from subscriptions l where l.account_id = s.account_id and l.cancelled_at is null)",
				Long.class)).isGreaterThanOrEqualTo(2 + DemoUsage.PAST_CUSTOMERS);
		// a growing company: the past customers left over two years, not all in the last one, and new customers joined
		// month after month
		Timestamp aYearAgo = Timestamp.from(Instant.now().minus(Duration.ofDays(365)));
		assertThat(jdbc.queryForObject("select count(*) from (select account_id, max(cancelled_at) c from subscriptions"
				+ " group by account_id having count(cancelled_at) = count(*)) gone where c < ?", Long.class, aYearAgo))
			.isGreaterThanOrEqualTo(DemoUsage.PAST_CUSTOMERS / 3);
		assertThat(jdbc.queryForObject("select count(distinct extract(month from f.s)) from (select account_id,"
				+ " min(started_at) s from subscriptions group by account_id) f where f.s > ?", Long.class, aYearAgo))
			.isGreaterThanOrEqualTo(10);
		// two years of revenue history with its inputs, for the Business page
		await().atMost(Duration.ofSeconds(60)).until(() -> jdbc.queryForObject(
				"select count(distinct account_id) from analytics_mrr_segments", Long.class) >= 20);
		assertThat(jdbc.queryForObject("select count(*) from analytics_revenue_movements where kind = 'REACTIVATION'"
				+ " or kind = 'CANCELLATION'", Long.class)).isGreaterThan(2);
		assertThat(jdbc.queryForObject("select count(*) from analytics_spend", Long.class)).isEqualTo(25);
		assertThat(jdbc.queryForList("select distinct currency from subscriptions", String.class))
			.contains("EUR", "USD");
		assertThat(jdbc.queryForObject("select count(*) from accounts where owner_id is null", Long.class)).isZero();
		assertThat(jdbc.queryForObject("select count(distinct stage) from accounts", Long.class)).isGreaterThan(2);
		assertThat(jdbc.queryForObject("select count(*) from subscriptions s where s.cancelled_at is null and s.mrr_cents <> "
				+ "(select sum(m.mrr_delta_cents) from subscription_movements m where m.subscription_id = s.id)", Long.class))
			.isZero();
		assertThat(output).contains("amara.nwosu@brightlane.example", "elena.popescu@brightlane.example");
		// product usage for the customer 360 of every account (DemoUsage), with drifting accounts and roles
		assertThat(jdbc.queryForObject("select count(distinct account_id) from activity_daily "
				+ "where event = 'Session Ended' and duration_seconds > 0", Long.class)).isGreaterThanOrEqualTo(20);
		assertThat(jdbc.queryForObject("select count(*) from activity_event_kinds where core_feature", Long.class))
			.isEqualTo(DemoUsage.FEATURES.size());
		assertThat(jdbc.queryForObject("select count(*) from contacts where role is not null", Long.class)).isPositive();
		// time to value on the Business page: enough accounts that started in the last year reached a value event
		assertThat(jdbc.queryForObject("select count(*) from (select account_id, min(started_at) s from subscriptions"
				+ " group by account_id) f where f.s > ? and exists (select 1 from activity_daily d join"
				+ " activity_event_kinds k on k.event = d.event and k.value_event where d.account_id = f.account_id)",
				Long.class, java.sql.Timestamp.from(java.time.Instant.now().minus(Duration.ofDays(300)))))
			.isGreaterThanOrEqualTo(5);
	}

	/** Playbook runs with tasks for the success managers: some done with an outcome, some overdue (DemoPlaybooks). */
	private static void shouldHaveSuccessTasks(JdbcTemplate jdbc) {
		assertThat(jdbc.queryForObject("select count(*) from playbook_runs r join playbooks p on p.id = r.playbook_id "
				+ "where p.builtin_key = 'win-back'", Long.class)).isGreaterThanOrEqualTo(4);
		assertThat(jdbc.queryForObject("select count(*) from success_tasks where status = 'DONE' and outcome is not null "
				+ "and note is not null", Long.class)).isGreaterThanOrEqualTo(3);
		assertThat(jdbc.queryForObject("select count(*) from success_tasks where status = 'OPEN' and due_on < current_date "
				+ "and assignee_id is not null", Long.class)).isPositive();
	}

	@Test
	void shouldFillAnEmptyDatabaseOnceAndPrintTheDemoLogins(@TempDir Path dataDir, CapturedOutput output) throws Exception {
		String url = "jdbc:h2:file:" + dataDir.resolve("rapport")
				+ ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH";
		try (ConfigurableApplicationContext context = start(dataDir, url)) {
			String password = Files.readString(dataDir.resolve(DemoData.PASSWORD_FILE)).strip();
			JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);

			// 80 generated, and 4 made of the mail sandbox's demo mails (SandboxDemo)
			// (NPS detractors' follow-up tickets come on top, opened by a listener: DemoNps)
			assertThat(jdbc.queryForObject(WITHOUT_NPS_FOLLOW_UPS, Long.class)).isEqualTo(84);
			assertThat(jdbc.queryForObject("select count(*) from nps_answers where campaign_id is not null", Long.class))
				.isPositive();
			await().atMost(Duration.ofSeconds(60)).until(() -> jdbc.queryForObject(
					"select count(*) from nps_followups", Long.class) > 0);
			assertThat(output).contains("Demo password for everyone below: " + password)
				.contains("maya.okafor@brightlane.example");
			assertThat(jdbc.queryForObject("select count(*) from portal_logins", Long.class)).isEqualTo(1);
			assertThat(jdbc.queryForList("select password_hash from agents", String.class))
				.allMatch(hash -> hash.startsWith("{bcrypt}") && !hash.contains(password));
			// Every feature is alive: a shared view, agents' own views, and notifications from live activity
			assertThat(jdbc.queryForList("select name from saved_views where shared = true", String.class))
				.containsExactly(DemoActivity.SHARED_VIEW);
			await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(jdbc.queryForList(
					"select distinct kind from notifications", String.class)).contains("assigned", "customer_replied",
							"mentioned"));
			shouldHaveWrittenTheHelpCenter(context, jdbc);
			shouldHaveTheCustomerBase(jdbc, output);
			shouldHaveHealthHistory(jdbc, output);
			shouldHaveSuccessTasks(jdbc);
		}
		int printed = count(output.getOut(), "Demo data is ready");

		try (ConfigurableApplicationContext context = start(dataDir, url)) {
			assertThat(context.getBean(JdbcTemplate.class).queryForObject(WITHOUT_NPS_FOLLOW_UPS, Long.class))
				.isEqualTo(84);
		}
		assertThat(count(output.getOut(), "Demo data is ready")).isEqualTo(printed).isEqualTo(1);
	}

	/**
	 * Every account scored for each of the last 31 days, weekly back to 91 days, so account pages show a trend, and
	 * every four weeks before back to a year ago; the churn model trained on that year.
	 */
	private static void shouldHaveHealthHistory(JdbcTemplate jdbc, CapturedOutput output) {
		long days = DemoHealth.days(java.time.LocalDate.now(java.time.ZoneOffset.UTC)).size();
		assertThat(jdbc.queryForObject("select count(distinct snapshot_day) from health_snapshots", Long.class))
			.isEqualTo(days);
		assertThat(jdbc.queryForObject("select count(*) from accounts a where (select count(*) from health_snapshots s "
				+ "where s.account_id = a.id) <> ?", Long.class, days)).isZero();
		assertThat(output).contains("Demo churn model: trained on the simulated year");
		assertThat(jdbc.queryForObject("select status_code from health_churn_models order by id desc fetch first 1 rows only",
				String.class)).isEqualTo("TRAINED");
		assertThat(jdbc.queryForObject("select count(*) from health_snapshots where score is not null", Long.class))
			.isPositive();
		assertThat(output).contains("Demo health:");
	}

	/** Brightlane's help center: published articles in five languages, searchable, with 90 days of readers. */
	private static void shouldHaveWrittenTheHelpCenter(ConfigurableApplicationContext context, JdbcTemplate jdbc) {
		assertThat(jdbc.queryForObject("select count(distinct t.article_id) from kb_translations t join kb_articles a "
				+ "on a.id = t.article_id where t.state = 'PUBLISHED' and a.visibility = 'PUBLIC'", Long.class))
			.isGreaterThanOrEqualTo(40);
		assertThat(jdbc.queryForObject("select count(*) from (select article_id from kb_translations "
				+ "where state = 'PUBLISHED' group by article_id having count(distinct locale) = 5) five", Long.class))
			.isGreaterThanOrEqualTo(10);
		assertThat(jdbc.queryForObject("select count(*) from kb_articles where visibility = 'INTERNAL'", Long.class))
			.isGreaterThanOrEqualTo(1);
		assertThat(jdbc.queryForObject("select count(*) from kb_translations where state = 'DRAFT'", Long.class))
			.isGreaterThanOrEqualTo(1);
		KnowledgeApi knowledge = context.getBean(KnowledgeApi.class);
		SearchResults zh = knowledge.search("重置密码", "zh", Audience.CUSTOMER, 0, 5);
		assertThat(zh.hits()).isNotEmpty();
		assertThat(zh.hits().get(0).article().title()).isEqualTo("重置密码");
		SearchResults ro = knowledge.search("factura", "ro", Audience.CUSTOMER, 0, 5);
		assertThat(ro.hits()).isNotEmpty();
		assertThat(ro.hits().get(0).article().title()).isEqualTo("De unde îmi descarc facturile?");
		assertThat(jdbc.queryForObject("select count(*) from knowledge_article_views where viewed_at < ?", Long.class,
				Timestamp.from(Instant.now().minus(Duration.ofDays(30))))).isPositive();
		assertThat(jdbc.queryForObject("select count(*) from knowledge_votes where helpful = false and comment is not null",
				Long.class)).isPositive();
		assertThat(jdbc.queryForObject("select count(*) from knowledge_votes where helpful = true", Long.class))
			.isPositive();
		assertThat(jdbc.queryForList("select distinct locale from knowledge_searches where result_count = 0",
				String.class)).hasSizeGreaterThanOrEqualTo(3);
		assertThat(jdbc.queryForObject("select company_name from knowledge_helpcenter_settings where id = 1",
				String.class)).isEqualTo("Brightlane");
	}

	private static int count(String text, String part) {
		return text.split(java.util.regex.Pattern.quote(part), -1).length - 1;
	}

	private static ConfigurableApplicationContext start(Path dataDir, String url) {
		return new SpringApplicationBuilder(RapportApplication.class).run("--server.port=0",
				"--rapport.data-dir=" + dataDir, "--spring.datasource.url=" + url, "--rapport.demo.enabled=true",
				"--rapport.demo.tickets=80", "--rapport.admin.password=admin-password-1",
				"--spring.application.name=demo-startup-" + UUID.randomUUID());
	}
}
