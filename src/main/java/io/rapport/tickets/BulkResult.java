package io.rapport.tickets;

import java.util.List;

/** What a bulk change did: the tickets changed, and each ticket left alone with the reason why. */
public record BulkResult(List<Long> changed, List<Skipped> skipped) {

	public record Skipped(long ticketId, long number, String reason) {
	}
}
