package io.rapport.identity.internal;

import java.util.List;
import java.util.Optional;

import io.rapport.identity.UserKind;
import org.springframework.data.jpa.repository.JpaRepository;

public interface ApiTokens extends JpaRepository<ApiToken, Long> {

	Optional<ApiToken> findByTokenHash(String tokenHash);

	List<ApiToken> findByOwnerKindAndOwnerIdOrderByCreatedAtDesc(UserKind ownerKind, long ownerId);
}
