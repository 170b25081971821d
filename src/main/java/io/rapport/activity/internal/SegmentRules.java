package io.rapport.activity.internal;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.UUID;

import tools.jackson.databind.JsonNode;

/**
 * Segment's field rules for one message (segment.com/docs/connections/sources/catalog/libraries/server/http-api):
 * a known {@code type}; {@code userId} or {@code anonymousId}; {@code event} for track; {@code groupId} for group;
 * ISO-8601 timestamps; at most 32 KB. The timestamp is corrected as Segment does: {@code receivedAt - (sentAt -
 * timestamp)}, so a device whose clock is off still lands on the right day.
 */
final class SegmentRules {

	static final int MAX_MESSAGE_BYTES = 32 * 1024;

	static final int MAX_NAME = 200;

	static final int MAX_ID = 255;

	/** A groupId is an account's external id, which holds 100 characters. */
	static final int MAX_GROUP_ID = 100;

	/** A timestamp further ahead than this (after correction) is refused: it would count on a day still to come. */
	static final Duration FUTURE = Duration.ofDays(1);

	/** The largest {@code durationSeconds} one event may carry: a week. */
	static final long MAX_DURATION = 7 * 24 * 3600;

	private SegmentRules() {
	}

	/** Thrown for the first rule a message breaks. */
	static final class Broken extends RuntimeException {

		final String field;

		final String code;

		Broken(String field, String code) {
			super(field + ": " + code, null, false, false);
			this.field = field;
			this.code = code;
		}
	}

	static SegmentMessage check(JsonNode node, int index, String impliedType, Instant receivedAt, Instant batchSentAt,
			int bytes) {
		if (node == null || !node.isObject()) {
			throw new Broken("type", "not-an-object");
		}
		if (bytes > MAX_MESSAGE_BYTES) {
			throw new Broken("message", "too-large");
		}
		String type = impliedType != null ? impliedType : text(node, "type", 16);
		if (type == null) {
			throw new Broken("type", "type-missing");
		}
		if (!type.equals("track") && !type.equals("identify") && !type.equals("group") && !type.equals("page")
				&& !type.equals("screen")) {
			throw new Broken("type", "type-unsupported");
		}
		String messageId = text(node, "messageId", MAX_NAME);
		String userId = text(node, "userId", MAX_ID);
		String anonymousId = text(node, "anonymousId", MAX_ID);
		if (userId == null && anonymousId == null) {
			throw new Broken("userId", "user-missing");
		}
		Instant timestamp = corrected(node, receivedAt, batchSentAt);
		JsonNode properties = object(node, "properties");
		JsonNode traits = object(node, "traits");
		String event = eventName(node, type, properties);
		String groupId = type.equals("group") ? text(node, "groupId", MAX_GROUP_ID) : contextGroupId(node);
		if (type.equals("group") && groupId == null) {
			throw new Broken("groupId", "group-missing");
		}
		String email = traitText(traits, "email");
		if (email != null && (email.length() > 254 || !email.matches("[^@\\s]+@[^@\\s]+"))) {
			throw new Broken("traits.email", "email-invalid");
		}
		return new SegmentMessage(index, type, messageId == null ? UUID.randomUUID().toString() : messageId, userId,
				anonymousId, event, groupId, timestamp, duration(properties), email,
				traitText(traits, "name"), payload(type, properties, traits));
	}

	private static String eventName(JsonNode node, String type, JsonNode properties) {
		return switch (type) {
			case "track" -> {
				String event = text(node, "event", MAX_NAME);
				if (event == null) {
					throw new Broken("event", "event-missing");
				}
				yield event;
			}
			case "page" -> "Page Viewed";
			case "screen" -> "Screen Viewed";
			default -> null;
		};
	}

	private static String contextGroupId(JsonNode node) {
		JsonNode context = node.get("context");
		if (context == null || context.isNull()) {
			return null;
		}
		if (!context.isObject()) {
			throw new Broken("context", "not-an-object");
		}
		JsonNode groupId = context.get("groupId");
		if (groupId == null || groupId.isNull()) {
			return null;
		}
		String value = groupId.isNumber() ? groupId.asString() : groupId.isString() ? groupId.stringValue() : null;
		if (value == null || value.isBlank() || value.length() > MAX_GROUP_ID) {
			throw new Broken("context.groupId", "id-invalid");
		}
		return value.strip();
	}

	private static Instant corrected(JsonNode node, Instant receivedAt, Instant batchSentAt) {
		Instant timestamp = instant(node, "timestamp");
		if (timestamp == null) {
			timestamp = instant(node, "originalTimestamp");
		}
		Instant sentAt = instant(node, "sentAt");
		if (sentAt == null) {
			sentAt = batchSentAt;
		}
		if (timestamp == null) {
			return receivedAt;
		}
		Instant result = sentAt == null ? timestamp : receivedAt.minus(Duration.between(timestamp, sentAt));
		if (result.isAfter(receivedAt.plus(FUTURE))) {
			throw new Broken("timestamp", "timestamp-future");
		}
		return result;
	}

	static Instant instant(JsonNode node, String field) {
		JsonNode value = node.get(field);
		if (value == null || value.isNull()) {
			return null;
		}
		if (!value.isString()) {
			throw new Broken(field, "timestamp-invalid");
		}
		Instant quick = Timestamps.parse(value.stringValue());
		if (quick != null) {
			return quick;
		}
		try {
			return OffsetDateTime.parse(value.stringValue()).toInstant();
		}
		catch (DateTimeParseException e) {
			try {
				return Instant.parse(value.stringValue());
			}
			catch (DateTimeParseException again) {
				throw new Broken(field, "timestamp-invalid");
			}
		}
	}

	/** A string id or name; Segment libraries may send a number as userId, which is kept as its text. */
	private static String text(JsonNode node, String field, int max) {
		JsonNode value = node.get(field);
		if (value == null || value.isNull()) {
			return null;
		}
		if (!value.isString() && !value.isNumber()) {
			throw new Broken(field, "not-a-string");
		}
		String text = value.asString().strip();
		if (text.length() > max) {
			throw new Broken(field, "too-long");
		}
		return text.isEmpty() ? null : text;
	}

	private static JsonNode object(JsonNode node, String field) {
		JsonNode value = node.get(field);
		if (value == null || value.isNull()) {
			return null;
		}
		if (!value.isObject()) {
			throw new Broken(field, "not-an-object");
		}
		return value;
	}

	private static long duration(JsonNode properties) {
		JsonNode value = properties == null ? null : properties.get("durationSeconds");
		if (value == null || value.isNull()) {
			return 0;
		}
		if (!value.isNumber() || value.asDouble() < 0 || value.asDouble() > MAX_DURATION) {
			throw new Broken("properties.durationSeconds", "duration-invalid");
		}
		return Math.round(value.asDouble());
	}

	private static String traitText(JsonNode traits, String field) {
		JsonNode value = traits == null ? null : traits.get(field);
		if (value == null || !value.isString() || value.stringValue().isBlank()) {
			return null;
		}
		String text = value.stringValue().strip();
		return text.length() > MAX_ID ? text.substring(0, MAX_ID) : text;
	}

	private static String payload(String type, JsonNode properties, JsonNode traits) {
		JsonNode kept = type.equals("identify") || type.equals("group") ? traits : properties;
		return kept == null || kept.isEmpty() ? null : kept.toString();
	}
}
