package io.rapport.accounts.internal;

import java.util.List;
import java.util.Optional;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface Accounts extends JpaRepository<Account, Long> {

	Optional<Account> findByDomain(String domain);

	Optional<Account> findByExternalId(String externalId);

	List<Account> findByOwnerIdOrderByName(long ownerId);

	List<Account> findByCreatedAtGreaterThanEqualAndCreatedAtLessThanOrderById(java.time.Instant from,
			java.time.Instant to);

	@Query("select a from Account a where lower(a.name) like :q or lower(a.domain) like :q order by a.name")
	Page<Account> search(String q, Pageable pageable);
}
