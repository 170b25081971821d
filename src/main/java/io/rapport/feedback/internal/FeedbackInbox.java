package io.rapport.feedback.internal;

import java.util.List;
import java.util.Map;
import java.util.Set;

import io.rapport.feedback.FeedbackApi;
import io.rapport.tickets.TicketCreated;
import io.rapport.tickets.TicketLookup;
import io.rapport.tickets.TicketLookup.TicketSummary;
import io.rapport.tickets.TicketTypeChanged;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Keeps the read model of feature requests and complaints: every such ticket lands unsorted when it is created or
 * becomes one, so none is missed. Idempotent (an upsert by ticket id that keeps the link), and rebuildable from
 * {@link TicketLookup} for tickets that came without events (imports, the demo).
 */
@Component
class FeedbackInbox {

	static final String FEEDBACK_KIND = "#event.type()?.name() == 'FEATURE_REQUEST' or #event.type()?.name() == 'COMPLAINT'";

	private static final int BATCH = 200;

	private final TicketLookup tickets;

	private final FeedbackRows rows;

	FeedbackInbox(TicketLookup tickets, FeedbackRows rows) {
		this.tickets = tickets;
		this.rows = rows;
	}

	@ApplicationModuleListener(condition = FEEDBACK_KIND)
	public void on(TicketCreated event) {
		capture(event.ticketId());
	}

	@ApplicationModuleListener
	public void on(TicketTypeChanged event) {
		if (FeedbackApi.KINDS.contains(event.to()) || rows.find(event.ticketId()).isPresent()) {
			capture(event.ticketId());
		}
	}

	/** Reads the ticket's facts and words into the read model; answers whether the ticket exists. */
	@Transactional
	public boolean capture(long ticketId) {
		return tickets.summary(ticketId).map(facts -> {
			rows.upsert(facts, tickets.firstCustomerWords(List.of(ticketId), FeedbackRows.MAX_WORDS).get(ticketId));
			return true;
		}).orElse(false);
	}

	/** Every feature request and complaint read again, in batches; links are kept. Answers how many. */
	int rebuild() {
		int count = 0;
		long after = 0;
		while (true) {
			List<TicketSummary> batch = tickets.ofTypes(Set.copyOf(FeedbackApi.KINDS), after, BATCH);
			if (batch.isEmpty()) {
				return count;
			}
			Map<Long, String> words = tickets.firstCustomerWords(batch.stream().map(TicketSummary::id).toList(),
					FeedbackRows.MAX_WORDS);
			for (TicketSummary facts : batch) {
				rows.upsert(facts, words.get(facts.id()));
			}
			count += batch.size();
			after = batch.get(batch.size() - 1).id();
		}
	}
}
