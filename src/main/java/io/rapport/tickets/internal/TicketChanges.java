package io.rapport.tickets.internal;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

public interface TicketChanges extends JpaRepository<TicketChange, Long> {

	List<TicketChange> findByTicketIdOrderByAtAscIdAsc(long ticketId);
}
