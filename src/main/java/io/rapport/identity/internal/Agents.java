package io.rapport.identity.internal;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface Agents extends JpaRepository<Agent, Long> {

	Optional<Agent> findByEmail(String email);

	@Query("select a from Agent a order by a.name")
	List<Agent> findAllOrdered();

	@Query("select a from Agent a join a.groupIds g where g = :groupId and a.active = true order by a.name")
	List<Agent> findActiveInGroup(long groupId);
}
