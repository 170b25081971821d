package io.rapport.channels.email;

/** What became of an inbound mail (the push endpoint's {@code outcome}). */
public enum MailOutcome {
	CREATED, APPENDED, DUPLICATE, IGNORED_AUTO_REPLY, BOUNCE_RECORDED, HELD, FAILED
}
