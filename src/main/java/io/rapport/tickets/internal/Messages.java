package io.rapport.tickets.internal;

import java.util.Collection;
import java.util.List;

import io.rapport.tickets.Visibility;
import org.springframework.data.jpa.repository.JpaRepository;

public interface Messages extends JpaRepository<Message, Long> {

	List<Message> findByTicketIdOrderByCreatedAtAscIdAsc(long ticketId);

	List<Message> findByTicketIdAndVisibilityOrderByCreatedAtAscIdAsc(long ticketId, Visibility visibility);

	List<Message> findByTicketIdIn(Collection<Long> ticketIds);
}
