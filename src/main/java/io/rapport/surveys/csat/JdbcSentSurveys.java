package io.rapport.surveys.csat;

import java.time.OffsetDateTime;
import java.time.Instant;
import java.util.function.Consumer;

import io.rapport.surveys.CsatSentSurveys;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** {@link CsatSentSurveys} over the surveys table, through its index on the time a survey was sent. */
@Component
class JdbcSentSurveys implements CsatSentSurveys {

	private final JdbcTemplate jdbc;

	JdbcSentSurveys(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	@Transactional(readOnly = true)
	public void eachSent(Instant from, Instant to, Consumer<SentSurvey> each) {
		jdbc.query("select offered_at, rated_at, channel, group_key, agent_id, account_id from csat_surveys "
				+ "where offered_at >= ? and offered_at < ?", rs -> {
					each.accept(new SentSurvey(rs.getObject(1, OffsetDateTime.class).toInstant(),
							rs.getObject(2) != null, rs.getString(3), rs.getString(4),
							rs.getObject(5, Long.class), rs.getObject(6, Long.class)));
				}, CsatStore.at(from), CsatStore.at(to));
	}
}
