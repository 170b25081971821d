package io.rapport.surveys.csat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The figures of the satisfaction feed: CSAT % (answers of 4 or 5 ÷ all answers, the answer in force per ticket,
 * by the time it was last given) and the response rate (surveys opened in the period that got an answer ÷ surveys
 * opened in the period), with the answers themselves, newest first.
 */
@Component
class CsatReports {

	static final int FEED_LIMIT = 200;

	private final JdbcTemplate jdbc;

	CsatReports(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	Summary summary(Instant from, Instant to) {
		Summary answers = jdbc.queryForObject("select count(*), coalesce(sum(case when rating >= 4 then 1 else 0 end), 0) "
				+ "from csat_answers where rated_at >= ? and rated_at <= ?",
				(rs, n) -> new Summary(rs.getLong(1), rs.getLong(2), 0, 0), CsatStore.at(from), CsatStore.at(to));
		long[] sent = jdbc.queryForObject("select count(*), coalesce(sum(case when rated_at is not null then 1 else 0 end), 0) "
				+ "from csat_surveys where offered_at >= ? and offered_at <= ?",
				(rs, n) -> new long[] { rs.getLong(1), rs.getLong(2) }, CsatStore.at(from), CsatStore.at(to));
		return new Summary(answers.answers(), answers.satisfied(), sent[0], sent[1]);
	}

	List<Answer> feed(Instant from, Instant to, Integer rating, int limit) {
		List<Object> args = new ArrayList<>(List.of(CsatStore.at(from), CsatStore.at(to)));
		String sql = "select id, ticket_id, survey_id, contact_id, account_id, agent_id, group_key, channel, rating, "
				+ "comment, surveyed_at, first_rated_at, rated_at from csat_answers where rated_at >= ? and rated_at <= ?";
		if (rating != null) {
			sql += " and rating = ?";
			args.add(rating);
		}
		sql += " order by rated_at desc, id desc fetch first " + Math.max(1, Math.min(limit, FEED_LIMIT)) + " rows only";
		return jdbc.query(sql, CsatStore::answer, args.toArray());
	}

	/**
	 * @param answers answers given (or last changed) in the period
	 * @param satisfied of which 4 or 5
	 * @param sent surveys opened to their requester in the period
	 * @param answered of which answered
	 */
	public record Summary(long answers, long satisfied, long sent, long answered) {

		/** CSAT %, or null without answers. */
		public Integer csatPercent() {
			return answers == 0 ? null : (int) Math.round(100.0 * satisfied / answers);
		}

		public Integer responsePercent() {
			return sent == 0 ? null : (int) Math.round(100.0 * answered / sent);
		}
	}
}
