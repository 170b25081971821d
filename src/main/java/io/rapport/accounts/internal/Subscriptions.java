package io.rapport.accounts.internal;

import java.util.Collection;
import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface Subscriptions extends JpaRepository<Subscription, Long> {

	List<Subscription> findByAccountIdOrderByStartedAtAscIdAsc(long accountId);

	List<Subscription> findByAccountIdIn(Collection<Long> accountIds);

	/** Accounts whose every subscription is cancelled, each with the time its last one ended: [accountId, Instant]. */
	@Query("select s.accountId, max(s.cancelledAt) from Subscription s group by s.accountId "
			+ "having count(s) = count(s.cancelledAt)")
	List<Object[]> churnedAccounts();

	List<Subscription> findByRenewsAtBetweenAndCancelledAtIsNullOrderByRenewsAtAscIdAsc(java.time.Instant from,
			java.time.Instant to);
}
