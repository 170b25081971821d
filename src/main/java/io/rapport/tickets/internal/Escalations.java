package io.rapport.tickets.internal;

import java.util.Collection;
import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

public interface Escalations extends JpaRepository<Escalation, Long> {

	List<Escalation> findByTicketIdInOrderByAtAsc(Collection<Long> ticketIds);
}
