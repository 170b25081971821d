package io.rapport.channels.email.outbound;

import java.time.Clock;
import java.util.Set;

import io.rapport.shared.Reread;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Which notices an agent wants by email. Nobody gets mail they did not ask for: without a row, all three are off.
 */
@Component
class AgentMailSettings {

	private final JdbcTemplate jdbc;

	/** Asked for every new ticket (MailNotifications' condition, as the ticket is created): kept in memory. */
	private final Reread<Set<Long>> wantingNewTickets;

	AgentMailSettings(JdbcTemplate jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.wantingNewTickets = new Reread<>(() -> Set.copyOf(
				jdbc.queryForList("select agent_id from agent_mail_settings where new_ticket", Long.class)),
				REFRESH, clock);
	}

	/** How soon another node's change of the switches is seen here; a change on this node is seen at once. */
	static final java.time.Duration REFRESH = java.time.Duration.ofSeconds(30);

	Settings of(long agentId) {
		return jdbc.query("select new_ticket, assigned, customer_replied from agent_mail_settings where agent_id = ?",
				(r, n) -> new Settings(r.getBoolean(1), r.getBoolean(2), r.getBoolean(3)), agentId).stream()
			.findFirst().orElse(Settings.NONE);
	}

	/** The agents who want a mail for every new ticket in their groups. */
	Set<Long> wantingNewTickets() {
		return wantingNewTickets.get();
	}

	@org.springframework.transaction.annotation.Transactional
	void save(long agentId, Settings settings) {
		wantingNewTickets.forget();
		jdbc.update("delete from agent_mail_settings where agent_id = ?", agentId);
		jdbc.update("insert into agent_mail_settings (agent_id, new_ticket, assigned, customer_replied) "
				+ "values (?, ?, ?, ?)", agentId, settings.newTicket(), settings.assigned(), settings.customerReplied());
	}

	/** The three switches of the profile's email page. */
	record Settings(boolean newTicket, boolean assigned, boolean customerReplied) {

		static final Settings NONE = new Settings(false, false, false);
	}
}
