package io.rapport.tickets.internal;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface SavedViews extends JpaRepository<SavedView, Long> {

	/** The agent's own views, then the shared ones, each by name. */
	@Query("select v from SavedView v where v.ownerId = :agentId or v.shared = true order by v.shared, lower(v.name), v.id")
	List<SavedView> visibleTo(long agentId);

	long countByOwnerId(long ownerId);
}
