package io.rapport.activity;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import com.segment.analytics.Analytics;
import com.segment.analytics.messages.GroupMessage;
import com.segment.analytics.messages.IdentifyMessage;
import com.segment.analytics.messages.TrackMessage;
import io.rapport.IntegrationTest;
import io.rapport.TestDatabase;
import io.rapport.accounts.AccountsApi;
import io.rapport.activity.internal.WriteKeys;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Segment's own analytics-java library, pointed at Rapport, sends identify, group and track calls; the first batch
 * is stored but its answer is replaced by a 503 (as if lost on the way back), so the library retries it: every
 * event is stored exactly once.
 */
@Tag("db")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
		"rapport.demo.enabled=false", "rapport.admin.password=" + IntegrationTest.ADMIN_PASSWORD,
		"rapport.security.bcrypt-strength=4", "rapport.jobs.enabled=false", "rapport.mail.sandbox.enabled=false" })
@Import(SegmentLibraryTests.LostAnswer.class)
class SegmentLibraryTests {

	@LocalServerPort
	int port;

	@Autowired
	WriteKeys keys;

	@Autowired
	AccountsApi accounts;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	LostAnswer lostAnswer;

	@DynamicPropertySource
	static void database(DynamicPropertyRegistry registry) {
		TestDatabase.register(registry, "segment");
	}

	@Test
	void shouldStoreWhatTheRealLibrarySendsOnceRetriesIncluded() throws Exception {
		String key = keys.create("analytics-java", "test").key();
		String group = "seg-" + UUID.randomUUID().toString().substring(0, 8);
		AtomicInteger failures = new AtomicInteger();
		Analytics analytics = Analytics.builder(key).endpoint("http://localhost:" + port).flushQueueSize(50)
			.flushInterval(1, TimeUnit.HOURS).retries(3)
			.callback(new com.segment.analytics.Callback() {
				@Override
				public void success(com.segment.analytics.messages.Message message) {
				}

				@Override
				public void failure(com.segment.analytics.messages.Message message, Throwable error) {
					failures.incrementAndGet();
				}
			})
			.build();
		lostAnswer.failNext.set(1);

		analytics.enqueue(IdentifyMessage.builder().userId("lib-user").traits(Map.of("email",
				"lib-user@" + group + ".example", "name", "Libby")));
		analytics.enqueue(GroupMessage.builder(group).userId("lib-user").traits(Map.of("name", "Library Inc")));
		for (int i = 0; i < 20; i++) {
			analytics.enqueue(TrackMessage.builder("Feature Used").userId("lib-user")
				.properties(Map.of("feature", "export", "durationSeconds", 3)));
		}
		analytics.flush();
		await().atMost(Duration.ofSeconds(120)).until(() -> lostAnswer.batches.get() >= 2
				&& events(group) == 20);
		analytics.shutdown();

		assertThat(failures).hasValue(0);
		assertThat(lostAnswer.batches.get()).isGreaterThanOrEqualTo(2);
		assertThat(events(group)).isEqualTo(20);
		long account = accounts.accountByExternalId(group).orElseThrow().id();
		assertThat(jdbc.queryForObject("select sum(event_count) from activity_daily where account_id = ?", Long.class,
				account)).isEqualTo(20);
		assertThat(jdbc.queryForObject("select sum(duration_seconds) from activity_daily where account_id = ?",
				Long.class, account)).isEqualTo(60);
		assertThat(jdbc.queryForObject("select count(*) from activity_daily where account_id = ?", Long.class,
				account)).isEqualTo(1);
		// identify, group and the 20 tracks, each stored raw once (the people were linked before the batch was)
		assertThat(jdbc.queryForObject("select count(*) from activity_events where user_id = 'lib-user' and "
				+ "account_id = ?", Long.class, account)).isEqualTo(22L);
		assertThat(accounts.contactByEmail("lib-user@" + group + ".example")).isPresent();
	}

	private long events(String group) {
		List<Long> ids = accounts.accountByExternalId(group).map(a -> List.of(a.id())).orElse(List.of());
		return ids.isEmpty() ? 0 : jdbc.queryForObject("select coalesce(sum(event_count), 0) from activity_daily "
				+ "where account_id = ?", Long.class, ids.get(0));
	}

	/** Stores a batch, then answers 503 instead of what Rapport said, {@code failNext} times. */
	@TestConfiguration(proxyBeanMethods = false)
	static class LostAnswer {

		final AtomicInteger failNext = new AtomicInteger();

		final AtomicInteger batches = new AtomicInteger();

		@Bean
		@Order(Ordered.HIGHEST_PRECEDENCE)
		OncePerRequestFilter lostAnswerFilter() {
			return new OncePerRequestFilter() {
				@Override
				protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response,
						FilterChain chain) throws ServletException, IOException {
					if (!request.getRequestURI().startsWith("/v1/")) {
						chain.doFilter(request, response);
						return;
					}
					batches.incrementAndGet();
					var held = new ContentCachingResponseWrapper(response);
					chain.doFilter(request, held);
					if (held.getStatus() == 200 && failNext.getAndDecrement() > 0) {
						response.sendError(503);
						return;
					}
					held.copyBodyToResponse();
				}
			};
		}
	}
}
