package io.rapport.shared.search;

import java.time.Instant;
import java.util.Collection;
import java.util.List;

import org.springframework.data.domain.Limit;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface ReindexRuns extends JpaRepository<ReindexRun, Long> {

	List<ReindexRun> findByOrderByIdDesc(Limit limit);

	boolean existsByEntityNameAndStatusIn(String entityName, Collection<ReindexRun.Status> statuses);

	/** Queued runs, and running ones whose node stopped beating (it died): what a worker may take, oldest first. */
	@Query("select r.id from ReindexRun r where r.status = 'QUEUED' or (r.status = 'RUNNING' and r.heartbeatAt < :stale) order by r.id")
	List<Long> claimable(@Param("stale") Instant stale);

	/** Takes a run for this node; 1 if taken, 0 if another node was faster. */
	@Modifying
	@Query("update ReindexRun r set r.status = 'RUNNING', r.owner = :owner, r.heartbeatAt = :now, "
			+ "r.startedAt = coalesce(r.startedAt, :now) "
			+ "where r.id = :id and (r.status = 'QUEUED' or (r.status = 'RUNNING' and r.heartbeatAt < :stale))")
	int claim(@Param("id") long id, @Param("owner") String owner, @Param("now") Instant now,
			@Param("stale") Instant stale);

}
