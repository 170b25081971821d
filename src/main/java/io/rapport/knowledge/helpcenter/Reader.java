package io.rapport.knowledge.helpcenter;

/**
 * Who is reading the help center: a signed-in contact (with their account, for customer success), or an
 * anonymous visitor known at most by the random id in a signed cookie (no personal data), or nobody yet.
 */
record Reader(Long contactId, Long accountId, String visitorId) {

	static final Reader ANONYMOUS = new Reader(null, null, null);

	/** An agent reading the help center: votes as themselves, counted as an anonymous reader. */
	static Reader agent(long agentId) {
		return new Reader(null, null, "a:" + agentId);
	}

	boolean isContact() {
		return contactId != null;
	}

	/** The key that keeps one vote per visitor and article, or null when the visitor has no identity yet. */
	String voter() {
		if (contactId != null) {
			return "c:" + contactId;
		}
		if (visitorId == null) {
			return null;
		}
		return visitorId.startsWith("a:") ? visitorId : "v:" + visitorId;
	}
}
