package io.rapport.surveys.csat;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

import io.rapport.surveys.CsatCommentTexts;

import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/** Reads the comments of CSAT answers for reports, by ticket, in one query. */
@Component
class CsatCommentReader implements CsatCommentTexts {

	private final NamedParameterJdbcTemplate jdbc;

	CsatCommentReader(NamedParameterJdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public Map<Long, String> commentsOn(Collection<Long> ticketIds) {
		Map<Long, String> comments = new HashMap<>();
		if (ticketIds.isEmpty()) {
			return comments;
		}
		jdbc.query("select ticket_id, comment from csat_answers where ticket_id in (:ids) and comment is not null",
				Map.of("ids", ticketIds), rs -> {
					comments.put(rs.getLong(1), rs.getString(2));
				});
		return comments;
	}
}
