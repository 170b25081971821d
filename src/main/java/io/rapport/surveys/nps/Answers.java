package io.rapport.surveys.nps;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import static io.rapport.surveys.nps.Campaigns.at;
import static io.rapport.surveys.nps.Campaigns.instant;

/** The answers: one per invitation (changed in place), or imported without one. */
@Repository
public class Answers {

	static final String COLUMNS = "id, invitation_id, campaign_id, contact_id, account_id, score, comment, language, "
			+ "source, imported_by, answered_at, changed_at";

	private final JdbcTemplate jdbc;

	Answers(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	public enum Source {
		EMAIL, PORTAL, IMPORT
	}

	public record Answer(long id, Long invitationId, Long campaignId, long contactId, Long accountId, int score,
			String comment, String language, Source source, Long importedBy, Instant answeredAt, Instant changedAt) {

		public String category() {
			return NpsScore.category(score);
		}

		public boolean commented() {
			return comment != null && !comment.isBlank();
		}
	}

	long insert(Long invitationId, Long campaignId, long contactId, Long accountId, int score, String comment,
			String language, Source source, Long importedBy, Instant at) {
		long id = jdbc.queryForObject("select nextval('nps_answers_seq')", Long.class);
		jdbc.update("insert into nps_answers (" + COLUMNS + ") values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", id,
				invitationId, campaignId, contactId, accountId, score, comment, language, source.name(), importedBy,
				at(at), at(at));
		return id;
	}

	void change(long id, int score, String comment, Instant at) {
		jdbc.update("update nps_answers set score = ?, comment = ?, changed_at = ? where id = ?", score, comment,
				at(at), id);
	}

	Optional<Answer> find(long id) {
		return jdbc.query("select " + COLUMNS + " from nps_answers where id = ?", Answers::row, id).stream().findFirst();
	}

	Optional<Answer> ofInvitation(long invitationId) {
		return jdbc.query("select " + COLUMNS + " from nps_answers where invitation_id = ?", Answers::row, invitationId)
			.stream().findFirst();
	}

	/** The counts per score of the answers given in [from, to), of one campaign or all. */
	long[] distribution(Long campaignId, Instant from, Instant to) {
		long[] counts = new long[11];
		String sql = "select score, count(*) from nps_answers where answered_at >= ? and answered_at < ?"
				+ (campaignId == null ? "" : " and campaign_id = ?") + " group by score";
		Object[] args = campaignId == null ? new Object[] { at(from), at(to) }
				: new Object[] { at(from), at(to), campaignId };
		jdbc.query(sql, rs -> {
			counts[rs.getInt(1)] = rs.getLong(2);
		}, args);
		return counts;
	}

	/** Each answer's score and time in [from, to), oldest first, for the trend. */
	void scoresBetween(Long campaignId, Instant from, Instant to, ScoreConsumer each) {
		String sql = "select score, answered_at from nps_answers where answered_at >= ? and answered_at < ?"
				+ (campaignId == null ? "" : " and campaign_id = ?") + " order by answered_at";
		Object[] args = campaignId == null ? new Object[] { at(from), at(to) }
				: new Object[] { at(from), at(to), campaignId };
		jdbc.query(sql, rs -> {
			each.accept(rs.getInt(1), instant(rs, 2));
		}, args);
	}

	interface ScoreConsumer {
		void accept(int score, Instant at);
	}

	/** The latest commented answers in [from, to), newest first, optionally of one category. */
	List<Answer> comments(Long campaignId, Instant from, Instant to, String category, int limit) {
		StringBuilder sql = new StringBuilder("select " + COLUMNS + " from nps_answers where answered_at >= ? "
				+ "and answered_at < ? and comment is not null");
		List<Object> args = new java.util.ArrayList<>(List.of(at(from), at(to)));
		if (campaignId != null) {
			sql.append(" and campaign_id = ?");
			args.add(campaignId);
		}
		if ("promoter".equals(category)) {
			sql.append(" and score >= 9");
		}
		else if ("passive".equals(category)) {
			sql.append(" and score between 7 and 8");
		}
		else if ("detractor".equals(category)) {
			sql.append(" and score <= 6");
		}
		sql.append(" order by answered_at desc, id desc limit ").append(limit);
		return jdbc.query(sql.toString(), Answers::row, args.toArray());
	}

	void forEach(Consumer<Answer> each) {
		jdbc.query("select " + COLUMNS + " from nps_answers order by answered_at, id", rs -> {
			each.accept(row(rs, 0));
		});
	}

	private static Answer row(ResultSet rs, int n) throws SQLException {
		return new Answer(rs.getLong(1), rs.getObject(2, Long.class), rs.getObject(3, Long.class), rs.getLong(4),
				rs.getObject(5, Long.class), rs.getInt(6), rs.getString(7), rs.getString(8),
				Source.valueOf(rs.getString(9)), rs.getObject(10, Long.class), instant(rs, 11), instant(rs, 12));
	}
}
