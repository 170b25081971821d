package io.rapport.activity.internal;

import java.time.Instant;

/**
 * One message of Segment's tracking API, checked and with its timestamp corrected for the sender's clock.
 * {@code event} is the name rollups count: the track event, or "Page Viewed" / "Screen Viewed"; null for identify
 * and group. {@code groupId} is the group call's id or the track's {@code context.groupId}.
 */
record SegmentMessage(int index, String type, String messageId, String userId, String anonymousId, String event,
		String groupId, Instant timestamp, long durationSeconds, String email, String name, String payload) {

	boolean counted() {
		return event != null;
	}

	/** Who did it, for distinct users: the contact when known, else the tracked ids. */
	String userKey(Long contactId) {
		if (contactId != null) {
			return "c:" + contactId;
		}
		if (userId != null) {
			return "u:" + userId;
		}
		return anonymousId == null ? "" : "a:" + anonymousId;
	}
}
