package io.rapport.activity.internal;

/**
 * An event of a batch that was not stored: its position, its messageId when it had one, the field at fault and a
 * stable code ({@code errors.activity.event.<code>} explains it).
 */
record Refusal(int index, String messageId, String field, String code) {
}
