package io.rapport.health.internal;

/**
 * Where a measure's value comes from. Usage sources read the activity rollups over the measure's window (and the
 * window before it, for trends); ticket sources read the tickets facade; CSAT and NPS the survey answers. The
 * standard event names are those of docs/events.md.
 */
public enum Source {
	/** Hours of {@code Session Ended} duration per active user in the window. */
	ENGAGEMENT_PER_USER("h"),
	/** Change of engagement time per active user against the window before, in percent. */
	ENGAGEMENT_TREND("%"),
	/** Distinct active users in the window as a percentage of the seats of live subscriptions. */
	ACTIVE_USERS_VS_SEATS("%"),
	/** {@code Signed In} events per active user in the window. */
	SIGN_INS_PER_USER(""),
	/** {@code Password Reset Requested} events per active user in the window. */
	PASSWORD_RESETS_PER_USER(""),
	/** Help articles viewed and help-centre searches per active user in the window. */
	KNOWLEDGE_BASE_PER_USER(""),
	/** Tickets open for more than seven days and still unsolved. */
	UNRESOLVED_AFTER_7_DAYS(""),
	/** Tickets reopened in the window ({@code Ticket Reopened} facts). */
	REOPENED_TICKETS(""),
	/** Tickets escalated in the last thirty days. */
	ESCALATED_TICKETS(""),
	/** Share of CSAT answers in the window rated 4 or 5, in percent. */
	CSAT("%"),
	/** Net promoter score of the latest answer of each contact in the window (-100 to 100). */
	NPS(""),
	/** Value events (marked by admins) in the window. */
	VALUE_EVENTS(""),
	/** Share of the core features (marked by admins) used in the window, in percent. */
	CORE_FEATURE_ADOPTION("%");

	private final String unit;

	Source(String unit) {
		this.unit = unit;
	}

	public String unit() {
		return unit;
	}

	/** Whether the value is read from the usage rollups (the others read tickets or survey answers). */
	boolean readsUsage() {
		return this != UNRESOLVED_AFTER_7_DAYS && this != ESCALATED_TICKETS && this != CSAT && this != NPS;
	}
}
