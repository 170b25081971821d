package io.rapport.workflows.internal;

import java.time.Instant;

/**
 * A ticket's target as the ticket page and {@code GET /api/v1/tickets/{id}/sla} show it. {@code state}: OK,
 * WARNING (past the first warning), BREACHED (overdue, or ended breached), PAUSED, MET, CANCELLED.
 * {@code businessSecondsLeft} is negative once overdue and null once ended.
 */
public record SlaTargetView(long id, String kind, long policyId, String policyName, String state, int targetMinutes,
		Instant startedAt, Instant dueAt, Instant endedAt, Long businessSecondsLeft, Integer percentUsed,
		boolean warnedFirst, boolean warnedSecond) {

	/** "2 h 05 min" style, for the page; negative reads as zero. */
	public String leftText() {
		long seconds = businessSecondsLeft == null ? 0 : Math.max(0, businessSecondsLeft);
		long minutes = (seconds + 59) / 60;
		return minutes >= 60 ? (minutes / 60) + " h " + String.format("%02d", minutes % 60) + " min" : minutes + " min";
	}
}
