package io.rapport.identity.internal;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

public interface PortalInvitationRecords extends JpaRepository<PortalInvitation, Long> {

	Optional<PortalInvitation> findByTokenHash(String tokenHash);

	List<PortalInvitation> findByContactIdAndUsedAtIsNullAndRevokedAtIsNull(long contactId);

	/** Marks the invitation used unless someone got there first; 1 for the one request that may go on. */
	@Modifying
	@Query("update PortalInvitation i set i.usedAt = :at where i.id = :id and i.usedAt is null and i.revokedAt is null")
	int markUsed(long id, Instant at);
}
