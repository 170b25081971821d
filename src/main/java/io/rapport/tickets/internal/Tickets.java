package io.rapport.tickets.internal;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import io.rapport.tickets.TicketStatus;
import jakarta.persistence.LockModeType;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

public interface Tickets extends JpaRepository<Ticket, Long>, JpaSpecificationExecutor<Ticket> {

	@Query("select t.groupId, count(t) from Ticket t where t.status in :statuses group by t.groupId")
	List<Object[]> countByGroup(Collection<TicketStatus> statuses);

	@Query("select count(t) from Ticket t where t.assigneeId = :agentId and t.status in :statuses")
	long countAssigned(long agentId, Collection<TicketStatus> statuses);

	@Query("select count(t) from Ticket t where t.assigneeId is null and t.groupId in :groupIds and t.status in :statuses")
	long countUnassigned(Collection<Long> groupIds, Collection<TicketStatus> statuses);

	@Query("select count(t) from Ticket t where t.status in :statuses")
	long countByStatusIn(Collection<TicketStatus> statuses);

	Optional<Ticket> findByNumber(long number);

	/**
	 * The ticket, locked until the transaction ends: messages to one ticket are added one after another, so a reply
	 * never fails because another landed at the same moment. Field edits stay optimistic ({@code @Version}).
	 */
	@Lock(LockModeType.PESSIMISTIC_WRITE)
	@Query("select t from Ticket t where t.id = :id")
	Optional<Ticket> findLockedById(long id);
}
