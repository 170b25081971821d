package io.rapport.demo;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Set;

import io.rapport.identity.AgentView;
import io.rapport.identity.AuthenticatedUser;
import io.rapport.identity.IdentityApi;
import io.rapport.identity.Role;
import io.rapport.tickets.TicketFilter;
import io.rapport.tickets.TicketPriority;
import io.rapport.tickets.TicketStatus;
import io.rapport.tickets.TicketView;
import io.rapport.tickets.TicketsApi;
import io.rapport.workflows.SlaSetup;
import io.rapport.workflows.SlaSetup.NewSlaPolicy;

import org.springframework.stereotype.Component;

/**
 * Brightlane's SLA: three policies on the default calendar (Monday to Friday, 09:00-17:00), and targets on the open
 * tickets, started through the workflows module like those of a new ticket. Most of the demo's open tickets are
 * days old, so their targets are breached; the newest few are started a little before now, so some are near their
 * first warning, one past it, and the ticket page shows every colour. The policies' actions are left to the
 * High policy (raise the priority at the breach), so the first sweep does not unassign the demo's assigned tickets.
 */
@Component
class DemoSla {

	/** Enough to fill a queue sorted "breaches first"; few enough that the first sweep's notices do not drown the bell. */
	private static final int OPEN_TICKETS = 20;

	private final SlaSetup sla;

	private final TicketsApi tickets;

	private final IdentityApi identity;

	private final Clock clock;

	DemoSla(SlaSetup sla, TicketsApi tickets, IdentityApi identity, Clock clock) {
		this.sla = sla;
		this.tickets = tickets;
		this.identity = identity;
		this.clock = clock;
	}

	/** Answers how many tickets got targets. */
	int create() {
		sla.createPolicy(new NewSlaPolicy("Urgent", TicketPriority.URGENT, null, null, null, null, 30, 60, 480, 75, 90,
				false, null));
		sla.createPolicy(new NewSlaPolicy("High", TicketPriority.HIGH, null, null, null, null, 120, 240, 1440, 75, 90,
				true, null));
		sla.createPolicy(new NewSlaPolicy("Standard", TicketPriority.NORMAL, null, null, null, null, 480, 480, 2400,
				75, 90, false, null));
		AgentView admin = identity.agents().stream().filter(a -> a.active() && a.role() == Role.ADMIN).findFirst()
			.orElse(null);
		if (admin == null) {
			return 0;
		}
		AuthenticatedUser as = AuthenticatedUser.agent(admin.id(), admin.email(), admin.name(), admin.role());
		List<TicketView> open = tickets.list(new TicketFilter(Set.of(TicketStatus.NEW, TicketStatus.OPEN), null, null,
				false, null, null, null, null), 0, OPEN_TICKETS, as).items();
		int i = 0;
		for (TicketView ticket : open) {
			// the 6 most recently changed: started 5 to 55 business minutes ago; the others when they were opened
			java.time.Instant startedAt = i < 6 ? clock.instant().minus(Duration.ofMinutes(5 + 10L * i))
					: ticket.createdAt();
			sla.startTargets(ticket.id(), startedAt);
			i++;
		}
		return open.size();
	}
}
