package io.rapport.tickets.internal;

import io.rapport.identity.AgentView;
import io.rapport.identity.IdentityApi;
import io.rapport.shared.InvalidInputException;
import io.rapport.tickets.InboundMessage;

import org.springframework.stereotype.Component;

/** What a channel's message must be before anything is stored: each fault named by its field. */
@Component
class IntakeChecks {

	private final IdentityApi identity;

	private final TicketAttachments files;

	IntakeChecks(IdentityApi identity, TicketAttachments files) {
		this.identity = identity;
		this.files = files;
	}

	void check(InboundMessage in) {
		if (in.source() == null || in.source().isBlank() || in.source().length() > 40) {
			throw InvalidInputException.of("source", "errors.ticket.intake-source");
		}
		if (in.externalId() != null && (in.externalId().isBlank() || in.externalId().length() > 250)) {
			throw InvalidInputException.of("externalId", "errors.ticket.intake-external-id");
		}
		if (in.channel() == null) {
			throw InvalidInputException.of("channel", "errors.ticket.intake-channel");
		}
		if (in.fromEmail() == null || in.fromEmail().isBlank()) {
			throw InvalidInputException.of("fromEmail", "errors.ticket.intake-from");
		}
		if (in.body() == null || in.body().isBlank()) {
			throw InvalidInputException.of("body", "errors.ticket.intake-body");
		}
		if (in.ticketId() == null && (in.subject() == null || in.subject().isBlank() || in.subject().length() > 250)) {
			throw InvalidInputException.of("subject", "errors.ticket.intake-subject");
		}
		if (in.group() != null && identity.groupByKey(in.group()).isEmpty()) {
			throw InvalidInputException.of("group", "errors.group.unknown", in.group());
		}
		if (in.internalNote() != null && in.internalNote().length() > 2000) {
			throw InvalidInputException.of("internalNote", "errors.ticket.intake-note");
		}
		if (in.agentId() != null && identity.agent(in.agentId()).filter(AgentView::active).isEmpty()) {
			throw InvalidInputException.of("agentId", "errors.ticket.agent-inactive", in.agentId());
		}
		files.check(in.uploads());
	}
}
