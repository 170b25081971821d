package io.rapport.activity;

/**
 * Someone in a cohort: an account, and at people level the person's key within it ({@code c:<contactId>},
 * {@code u:<userId>} or {@code a:<anonymousId>}); null at account level.
 */
public record CohortMember(long accountId, String userKey) {

	/** The contact behind a {@code c:} key, or null. */
	public Long contactId() {
		if (userKey == null || !userKey.startsWith("c:")) {
			return null;
		}
		try {
			return Long.valueOf(userKey.substring(2));
		}
		catch (NumberFormatException notAContact) {
			return null;
		}
	}

	/** The tracked user id or anonymous id behind a {@code u:} or {@code a:} key, or the key itself. */
	public String personId() {
		if (userKey == null) {
			return null;
		}
		return userKey.length() > 2 && userKey.charAt(1) == ':' ? userKey.substring(2) : userKey;
	}
}
