package io.rapport.notifications.internal;

import java.time.Clock;
import java.time.ZoneOffset;
import java.util.LinkedHashSet;
import java.util.Set;

import io.rapport.notifications.TicketFollowers;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

@Service
class JdbcTicketFollowers implements TicketFollowers {

	private final JdbcTemplate jdbc;

	private final Clock clock;

	JdbcTicketFollowers(JdbcTemplate jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	@Override
	public void follow(long ticketId, long agentId) {
		jdbc.update("insert into ticket_followers (ticket_id, agent_id, since) values (?, ?, ?) on conflict do nothing",
				ticketId, agentId, clock.instant().atOffset(ZoneOffset.UTC));
	}

	@Override
	public void unfollow(long ticketId, long agentId) {
		jdbc.update("delete from ticket_followers where ticket_id = ? and agent_id = ?", ticketId, agentId);
	}

	@Override
	public boolean isFollowing(long ticketId, long agentId) {
		return !jdbc.queryForList("select 1 from ticket_followers where ticket_id = ? and agent_id = ?", Integer.class,
				ticketId, agentId).isEmpty();
	}

	@Override
	public Set<Long> followers(long ticketId) {
		return new LinkedHashSet<>(jdbc.queryForList(
				"select agent_id from ticket_followers where ticket_id = ? order by since, agent_id", Long.class,
				ticketId));
	}
}
