package io.rapport.accounts.internal;

import java.util.Collection;
import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

public interface Subscriptions extends JpaRepository<Subscription, Long> {

	List<Subscription> findByAccountIdOrderByStartedAtAscIdAsc(long accountId);

	List<Subscription> findByAccountIdIn(Collection<Long> accountIds);

	List<Subscription> findByRenewsAtBetweenAndCancelledAtIsNullOrderByRenewsAtAscIdAsc(java.time.Instant from,
			java.time.Instant to);
}
