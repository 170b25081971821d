package io.rapport.surveys.nps;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.rapport.shared.ConflictException;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** The campaigns' rows and their questions. */
@Repository
class Campaigns {

	private static final String COLUMNS = "id, name, company, audience, audience_accounts, audience_emails, by_email, by_portal, "
			+ "schedule, starts_at, every_days, next_run_at, last_run_at, active, created_by, created_at, version";

	private final JdbcTemplate jdbc;

	Campaigns(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	long insert(Campaign c) {
		long id = jdbc.queryForObject("select nextval('nps_campaigns_seq')", Long.class);
		jdbc.update("insert into nps_campaigns (" + COLUMNS + ") values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0)",
				id, c.name(), c.company(), c.audience().name(), joinIds(c.accountIds()), joinEmails(c.emails()), c.byEmail(),
				c.byPortal(), c.schedule().name(), at(c.startsAt()), c.everyDays(), at(c.nextRunAt()), null,
				c.active(), c.createdBy(), at(c.createdAt()));
		saveQuestions(id, c.questions());
		return id;
	}

	/** Saves an admin's change; a stale version (someone saved in between) is a conflict. */
	void update(Campaign c) {
		int changed = jdbc.update("update nps_campaigns set name = ?, company = ?, audience = ?, audience_accounts = ?, "
				+ "audience_emails = ?, by_email = ?, by_portal = ?, schedule = ?, starts_at = ?, every_days = ?, "
				+ "next_run_at = ?, active = ?, version = version + 1 where id = ? and version = ?", c.name(),
				c.company(), c.audience().name(), joinIds(c.accountIds()), joinEmails(c.emails()), c.byEmail(), c.byPortal(),
				c.schedule().name(), at(c.startsAt()), c.everyDays(), at(c.nextRunAt()), c.active(), c.id(),
				c.version());
		if (changed == 0) {
			throw ConflictException.of("errors.nps.stale");
		}
		saveQuestions(c.id(), c.questions());
	}

	void ran(long id, Instant ranAt, Instant nextRunAt) {
		jdbc.update("update nps_campaigns set last_run_at = ?, next_run_at = ?, version = version + 1 where id = ?",
				at(ranAt), at(nextRunAt), id);
	}

	void setActive(long id, boolean active) {
		jdbc.update("update nps_campaigns set active = ?, version = version + 1 where id = ?", active, id);
	}

	Optional<Campaign> find(long id) {
		return jdbc.query("select " + COLUMNS + " from nps_campaigns where id = ?", this::row, id).stream()
			.findFirst().map(this::withQuestions);
	}

	List<Campaign> all() {
		return jdbc.query("select " + COLUMNS + " from nps_campaigns order by created_at desc, id desc", this::row)
			.stream().map(this::withQuestions).toList();
	}

	/** Active campaigns whose next run is due, oldest first, each read with its row locked against a second node. */
	List<Long> dueIds(Instant asOf) {
		return jdbc.queryForList("select id from nps_campaigns where active = true and next_run_at <= ? "
				+ "order by next_run_at, id", Long.class, at(asOf));
	}

	Map<Long, String> names() {
		Map<Long, String> names = new HashMap<>();
		jdbc.query("select id, name from nps_campaigns", rs -> {
			names.put(rs.getLong(1), rs.getString(2));
		});
		return names;
	}

	private void saveQuestions(long id, Map<String, String> questions) {
		jdbc.update("delete from nps_questions where campaign_id = ?", id);
		questions.forEach((language, text) -> {
			if (text != null && !text.isBlank()) {
				jdbc.update("insert into nps_questions (campaign_id, language, question) values (?, ?, ?)", id,
						language, text.strip());
			}
		});
	}

	private Campaign withQuestions(Campaign c) {
		Map<String, String> questions = new HashMap<>();
		jdbc.query("select language, question from nps_questions where campaign_id = ?",
				rs -> {
					questions.put(rs.getString(1), rs.getString(2));
				}, c.id());
		return new Campaign(c.id(), c.name(), c.company(), c.audience(), c.accountIds(), c.emails(), c.byEmail(), c.byPortal(),
				c.schedule(), c.startsAt(), c.everyDays(), c.nextRunAt(), c.lastRunAt(), c.active(), c.createdBy(),
				c.createdAt(), c.version(), Map.copyOf(questions));
	}

	private Campaign row(ResultSet rs, int n) throws SQLException {
		return new Campaign(rs.getLong(1), rs.getString(2), rs.getString(3), Campaign.Audience.valueOf(rs.getString(4)),
				splitIds(rs.getString(5)), splitEmails(rs.getString(6)), rs.getBoolean(7), rs.getBoolean(8),
				Campaign.Schedule.valueOf(rs.getString(9)), instant(rs, 10), rs.getObject(11, Integer.class),
				instant(rs, 12), instant(rs, 13), rs.getBoolean(14), rs.getLong(15), instant(rs, 16), rs.getLong(17),
				Map.of());
	}

	static Instant instant(ResultSet rs, int column) throws SQLException {
		OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
		return value == null ? null : value.toInstant();
	}

	static OffsetDateTime at(Instant instant) {
		return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
	}

	private static String joinIds(List<Long> ids) {
		return ids.isEmpty() ? null : String.join(",", ids.stream().map(String::valueOf).toList());
	}

	private static String joinEmails(List<String> emails) {
		return emails.isEmpty() ? null : String.join("\n", emails);
	}

	private static List<Long> splitIds(String value) {
		return value == null || value.isBlank() ? List.of()
				: Arrays.stream(value.split(",")).map(String::strip).map(Long::valueOf).toList();
	}

	private static List<String> splitEmails(String value) {
		return value == null || value.isBlank() ? List.of() : List.of(value.split("\n"));
	}
}
