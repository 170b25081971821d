package io.rapport.health;

import java.sql.Date;
import java.time.Instant;
import java.time.LocalDate;

import io.rapport.Fixtures;
import io.rapport.accounts.AccountView;
import io.rapport.accounts.NewSubscription;
import io.rapport.accounts.SubscriptionsApi;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * An account drifting into the seed's risk signals, written straight into the usage rollups: eight people used it
 * five hours each in the thirty days before, four use it 1.8 hours each now (64% less, 40% of ten seats), three
 * password resets, two reopened tickets, no help-centre use, a renewal forty days ahead.
 */
final class DriftingAccount {

	private DriftingAccount() {
	}

	static AccountView create(Fixtures fixtures, SubscriptionsApi subscriptions, JdbcTemplate jdbc, Instant now,
			Long ownerId) {
		AccountView account = fixtures.anAccount();
		subscriptions.create(new NewSubscription(account.id(), "Growth", 80_000L, "EUR", 10,
				now.minusSeconds(86_400L * 300), now.plusSeconds(86_400L * 40), null), null);
		LocalDate today = LocalDate.ofInstant(now, java.time.ZoneOffset.UTC);
		for (int u = 1; u <= 8; u++) {
			add(jdbc, account.id(), today.minusDays(40), "Session Ended", "u:" + u, 1, 18_000);
		}
		for (int u = 1; u <= 4; u++) {
			add(jdbc, account.id(), today.minusDays(3), "Session Ended", "u:" + u, 1, 6_480);
			add(jdbc, account.id(), today.minusDays(2), "Signed In", "u:" + u, 5, 0);
		}
		add(jdbc, account.id(), today.minusDays(5), "Password Reset Requested", "u:1", 3, 0);
		add(jdbc, account.id(), today.minusDays(6), "Ticket Reopened", "", 2, 0);
		return account;
	}

	static void add(JdbcTemplate jdbc, long accountId, LocalDate day, String event, String user, long count,
			long duration) {
		jdbc.update("insert into activity_daily (account_id, usage_day, event, user_key, event_count, duration_seconds) "
				+ "values (?, ?, ?, ?, ?, ?)", accountId, Date.valueOf(day), event, user, count, duration);
	}
}
