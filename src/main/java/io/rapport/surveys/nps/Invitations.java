package io.rapport.surveys.nps;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import static io.rapport.surveys.nps.Campaigns.at;
import static io.rapport.surveys.nps.Campaigns.instant;

/** The invitations campaigns sent: what the throttle, the links and the banner read. */
@Repository
class Invitations {

	private static final String COLUMNS = "id, campaign_id, contact_id, by_email, by_portal, sent_at, expires_at, dismissed_at";

	private final JdbcTemplate jdbc;

	Invitations(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	record Invitation(long id, long campaignId, long contactId, boolean byEmail, boolean byPortal, Instant sentAt,
			Instant expiresAt, Instant dismissedAt) {

		boolean openAt(Instant at) {
			return at.isBefore(expiresAt);
		}
	}

	long insert(long campaignId, long contactId, boolean byEmail, boolean byPortal, Instant sentAt, Instant expiresAt) {
		long id = jdbc.queryForObject("select nextval('nps_invitations_seq')", Long.class);
		jdbc.update("insert into nps_invitations (" + COLUMNS + ") values (?, ?, ?, ?, ?, ?, ?, null)", id, campaignId,
				contactId, byEmail, byPortal, at(sentAt), at(expiresAt));
		return id;
	}

	/** Whether any campaign asked this contact after {@code since} (and not after {@code asOf}). */
	boolean askedBetween(long contactId, Instant since, Instant asOf) {
		Integer n = jdbc.queryForObject("select count(*) from nps_invitations where contact_id = ? and sent_at > ? "
				+ "and sent_at <= ?", Integer.class, contactId, at(since), at(asOf));
		return n != null && n > 0;
	}

	Optional<Invitation> find(long id) {
		return jdbc.query("select " + COLUMNS + " from nps_invitations where id = ?", Invitations::row, id).stream()
			.findFirst();
	}

	List<Invitation> ofCampaign(long campaignId) {
		return jdbc.query("select " + COLUMNS + " from nps_invitations where campaign_id = ? order by sent_at, id",
				Invitations::row, campaignId);
	}

	/** The contact's latest portal invitation still open at {@code at}, unanswered and not dismissed. */
	Optional<Invitation> openForPortal(long contactId, Instant at) {
		return jdbc.query("select i." + COLUMNS.replace(", ", ", i.") + " from nps_invitations i "
				+ "where i.contact_id = ? and i.by_portal = true and i.sent_at <= ? and i.expires_at > ? "
				+ "and i.dismissed_at is null and not exists (select 1 from nps_answers a where a.invitation_id = i.id) "
				+ "order by i.sent_at desc, i.id desc", Invitations::row, contactId, at(at), at(at))
			.stream().findFirst();
	}

	void dismiss(long id, Instant at) {
		jdbc.update("update nps_invitations set dismissed_at = ? where id = ? and dismissed_at is null", at(at), id);
	}

	long countSent(Long campaignId, Instant from, Instant to) {
		Long n = campaignId == null
				? jdbc.queryForObject("select count(*) from nps_invitations where sent_at >= ? and sent_at < ?",
						Long.class, at(from), at(to))
				: jdbc.queryForObject("select count(*) from nps_invitations where campaign_id = ? and sent_at >= ? "
						+ "and sent_at < ?", Long.class, campaignId, at(from), at(to));
		return n == null ? 0 : n;
	}

	private static Invitation row(ResultSet rs, int n) throws SQLException {
		return new Invitation(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getBoolean(4), rs.getBoolean(5),
				instant(rs, 6), instant(rs, 7), instant(rs, 8));
	}
}
