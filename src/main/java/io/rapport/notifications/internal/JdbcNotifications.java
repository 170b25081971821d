package io.rapport.notifications.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

import io.rapport.notifications.NewNotification;
import io.rapport.notifications.NotificationView;
import io.rapport.notifications.NotificationsApi;
import io.rapport.shared.InvalidInputException;
import io.rapport.shared.NotFoundException;
import io.rapport.shared.PageResult;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Notifications are a flat list per agent, written once and read in pages: plain SQL, no aggregate. The insert
 * skips a row whose dedup key the recipient already has, so redelivered events and racing listeners store one.
 */
@Service
class JdbcNotifications implements NotificationsApi {

	private static final Pattern KIND = Pattern.compile("[a-z][a-z0-9_.-]{0,39}");

	/** Separates the stored arguments; removed from the arguments themselves, as is NUL. */
	private static final String SEPARATOR = "\u001f";

	private static final String COLUMNS = "id, kind, subject_type, subject_id, message_key, message_args, link, "
			+ "created_at, read_at";

	private static final String INSERT = "insert into notifications (id, recipient_id, kind, subject_type, "
			+ "subject_id, message_key, message_args, link, dedup_key, created_at) "
			+ "values (nextval('notifications_seq'), ?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict do nothing";

	private final JdbcTemplate jdbc;

	private final Clock clock;

	JdbcNotifications(JdbcTemplate jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	@Override
	public boolean notify(NewNotification n) {
		check(n);
		int stored = jdbc.update(INSERT, n.recipientId(), n.kind(), n.subjectType(), n.subjectId(), n.messageKey(),
				joined(n.messageArgs()),
				n.link(), n.dedupKey(), at(clock.instant()));
		return stored == 1;
	}

	@Override
	public void notifyEach(List<NewNotification> notifications) {
		if (notifications.isEmpty()) {
			return;
		}
		notifications.forEach(JdbcNotifications::check);
		OffsetDateTime now = at(clock.instant());
		jdbc.batchUpdate(INSERT, notifications.stream().map(n -> new Object[] { n.recipientId(), n.kind(),
				n.subjectType(), n.subjectId(), n.messageKey(), joined(n.messageArgs()), n.link(), n.dedupKey(), now })
			.toList());
	}

	@Override
	public long unreadCount(long agentId) {
		Long count = jdbc.queryForObject(
				"select count(*) from notifications where recipient_id = ? and read_at is null", Long.class, agentId);
		return count == null ? 0 : count;
	}

	@Override
	@Transactional(readOnly = true)
	public PageResult<NotificationView> page(long agentId, boolean unreadOnly, int page, int size) {
		int safePage = Math.max(page, 0);
		int safeSize = Math.min(Math.max(size, 1), 100);
		String where = " from notifications where recipient_id = ?" + (unreadOnly ? " and read_at is null" : "");
		Long total = jdbc.queryForObject("select count(*)" + where, Long.class, agentId);
		List<NotificationView> items = jdbc.query("select " + COLUMNS + where
				+ " order by created_at desc, id desc limit ? offset ?", JdbcNotifications::view, agentId, safeSize,
				(long) safePage * safeSize);
		return new PageResult<>(items, safePage, safeSize, total == null ? 0 : total);
	}

	@Override
	@Transactional
	public NotificationView markRead(long agentId, long notificationId) {
		jdbc.update("update notifications set read_at = ? where id = ? and recipient_id = ? and read_at is null",
				at(clock.instant()), notificationId, agentId);
		return jdbc.query("select " + COLUMNS + " from notifications where id = ? and recipient_id = ?",
				JdbcNotifications::view, notificationId, agentId).stream().findFirst()
			.orElseThrow(() -> NotFoundException.of("errors.notification.not-found", notificationId));
	}

	@Override
	public int markAllRead(long agentId) {
		return jdbc.update("update notifications set read_at = ? where recipient_id = ? and read_at is null",
				at(clock.instant()), agentId);
	}

	private static void check(NewNotification n) {
		if (n.kind() == null || !KIND.matcher(n.kind()).matches()) {
			throw InvalidInputException.of("kind", "errors.notification.kind");
		}
		if (n.messageKey() == null || n.messageKey().isBlank() || n.messageKey().length() > 200) {
			throw InvalidInputException.of("messageKey", "errors.notification.message-key");
		}
		if (n.dedupKey() == null || n.dedupKey().isBlank() || n.dedupKey().length() > 200) {
			throw InvalidInputException.of("dedupKey", "errors.notification.dedup-key");
		}
		if (n.link() != null && !isLocalPath(n.link())) {
			throw InvalidInputException.of("link", "errors.notification.link");
		}
		if (n.subjectType() != null && n.subjectType().length() > 40) {
			throw InvalidInputException.of("subjectType", "errors.notification.subject-type");
		}
		if (joined(n.messageArgs()).length() > 4000) {
			throw InvalidInputException.of("messageArgs", "errors.notification.args");
		}
	}

	/** Only paths on this site: opening a notification must never send an agent elsewhere. */
	static boolean isLocalPath(String link) {
		return link.length() <= 500 && link.startsWith("/") && !link.startsWith("//") && !link.contains("\\")
				&& link.chars().noneMatch(Character::isISOControl);
	}

	private static String joined(List<String> args) {
		return String.join(SEPARATOR, args.stream()
			.map(arg -> arg == null ? "" : arg.replace(SEPARATOR, " ").replace("\u0000", ""))
			.toList());
	}

	private static List<String> split(String stored) {
		return stored.isEmpty() ? List.of() : Arrays.asList(stored.split(SEPARATOR, -1));
	}

	private static OffsetDateTime at(Instant instant) {
		return instant.atOffset(ZoneOffset.UTC);
	}

	private static Instant instant(ResultSet row, String column) throws SQLException {
		OffsetDateTime value = row.getObject(column, OffsetDateTime.class);
		return value == null ? null : value.toInstant();
	}

	private static NotificationView view(ResultSet row, int n) throws SQLException {
		long subject = row.getLong("subject_id");
		Long subjectId = row.wasNull() ? null : subject;
		return new NotificationView(row.getLong("id"), row.getString("kind"), row.getString("subject_type"),
				subjectId, row.getString("message_key"), split(row.getString("message_args")),
				row.getString("link"), instant(row, "created_at"), instant(row, "read_at"));
	}
}
