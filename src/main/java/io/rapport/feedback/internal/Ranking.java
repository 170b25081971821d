package io.rapport.feedback.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Set;

import io.rapport.feedback.FeedbackApi.RankedTopic;
import io.rapport.feedback.TopicState;
import io.rapport.tickets.TicketType;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Topics ranked by how many feature requests and complaints they hold, how many accounts and customers those come
 * from, and the trend: tickets created in the last {@link #PERIOD} against the period before, by the clock. One
 * query over the read model; the ranking is at most {@link #LIMIT} topics.
 */
@Component
class Ranking {

	static final Duration PERIOD = Duration.ofDays(30);

	static final int LIMIT = 200;

	private final NamedParameterJdbcTemplate jdbc;

	private final Clock clock;

	Ranking(JdbcTemplate jdbc, Clock clock) {
		this.jdbc = new NamedParameterJdbcTemplate(jdbc);
		this.clock = clock;
	}

	List<RankedTopic> rank(Set<TopicState> states, Set<TicketType> kinds) {
		Instant now = clock.instant();
		Collection<String> kindNames = (kinds.isEmpty() ? Set.of(TicketType.FEATURE_REQUEST, TicketType.COMPLAINT)
				: kinds).stream().map(Enum::name).toList();
		Collection<String> stateNames = (states.isEmpty() ? Set.of(TopicState.values()) : states).stream()
			.map(Enum::name).toList();
		MapSqlParameterSource params = new MapSqlParameterSource("kinds", kindNames).addValue("states", stateNames)
			.addValue("recent", Timestamp.from(now.minus(PERIOD)))
			.addValue("before", Timestamp.from(now.minus(PERIOD.multipliedBy(2))))
			.addValue("now", Timestamp.from(now));
		String sql = "select " + TopicBook.COLUMNS + """
				, count(f.ticket_id) as tickets, count(distinct f.account_id) as accounts,
				count(distinct f.requester_id) as customers,
				sum(case when f.ticket_type = 'FEATURE_REQUEST' then 1 else 0 end) as requests,
				sum(case when f.ticket_type = 'COMPLAINT' then 1 else 0 end) as complaints,
				sum(case when f.created_at >= :recent and f.created_at <= :now then 1 else 0 end) as last_period,
				sum(case when f.created_at >= :before and f.created_at < :recent then 1 else 0 end) as period_before
				from feedback_topics t left join feedback_tickets f on f.topic_id = t.id and f.ticket_type in (:kinds)
				where t.state in (:states)
				group by t.id, t.title, t.description, t.state, t.created_by, t.created_at, t.updated_at,
				t.state_changed_at, t.notified_at, t.version
				""" + (kinds.isEmpty() ? "" : " having count(f.ticket_id) > 0") + """

				order by tickets desc, accounts desc, t.created_at desc, t.id desc""";
		return jdbc.query(sql + " fetch first " + LIMIT + " rows only", params,
				(rs, n) -> new RankedTopic(TopicBook.ROW.mapRow(rs, n), rs.getLong("tickets"), rs.getLong("accounts"),
						rs.getLong("customers"), rs.getLong("requests"), rs.getLong("complaints"),
						rs.getLong("last_period"), rs.getLong("period_before")));
	}
}
