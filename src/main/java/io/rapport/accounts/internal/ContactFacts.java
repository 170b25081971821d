package io.rapport.accounts.internal;

import java.time.Instant;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface ContactFacts extends JpaRepository<ContactFact, Long> {

	@Query("select count(f) from ContactFact f where f.contactId = :contactId and f.kind = :kind and f.occurredAt >= :since")
	long countSince(long contactId, String kind, Instant since);
}
