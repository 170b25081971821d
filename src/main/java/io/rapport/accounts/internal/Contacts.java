package io.rapport.accounts.internal;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

public interface Contacts extends JpaRepository<Contact, Long> {

	Optional<Contact> findByEmail(String email);

	List<Contact> findByIdIn(Collection<Long> ids);

	List<Contact> findByAccountIdOrderByName(long accountId);

	@Query("select c from Contact c where lower(c.email) like :q or lower(c.name) like :q order by c.email")
	Page<Contact> search(String q, Pageable pageable);

	@Query("select c.id from Contact c where lower(c.email) like :q or lower(c.name) like :q")
	List<Long> idsMatching(String q, Pageable pageable);

	@Modifying
	@Query("update Contact c set c.accountId = :accountId where c.accountId is null and c.email like :suffix")
	int joinAccountByDomain(long accountId, String suffix);
}
