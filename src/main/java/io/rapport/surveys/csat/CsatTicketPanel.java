package io.rapport.surveys.csat;

import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Component;

/**
 * What the agent's ticket page shows about satisfaction ({@code surveys/fragments :: ticket}): the answer in force
 * and the state of each survey of the ticket. Read by the template, which only agents reach.
 */
@Component("csatTicketPanel")
public class CsatTicketPanel {

	private final CsatStore store;

	CsatTicketPanel(CsatStore store) {
		this.store = store;
	}

	public View of(long ticketId) {
		return new View(store.answerOf(ticketId), store.surveysOf(ticketId));
	}

	public record View(Optional<Answer> answer, List<Survey> surveys) {

		public boolean empty() {
			return answer.isEmpty() && surveys.isEmpty();
		}
	}
}
