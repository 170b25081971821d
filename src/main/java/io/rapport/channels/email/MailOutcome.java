package io.rapport.channels.email;

/**
 * What became of an inbound mail (the push endpoint's {@code outcome}). {@code QUEUED}: the mail is stored but
 * processing it failed this time (a database hiccup, a bug); the retry job tries again, up to three times, before
 * it becomes {@code FAILED}.
 */
public enum MailOutcome {
	CREATED, APPENDED, DUPLICATE, IGNORED_AUTO_REPLY, BOUNCE_RECORDED, HELD, FAILED, QUEUED
}
