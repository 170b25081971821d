package io.rapport.accounts.internal;

import java.util.List;
import java.util.stream.Stream;

import org.springframework.data.jpa.repository.JpaRepository;

public interface SubscriptionMovements extends JpaRepository<SubscriptionMovement, Long> {

	List<SubscriptionMovement> findBySubscriptionIdOrderByEffectiveAtAscIdAsc(long subscriptionId);

	List<SubscriptionMovement> findByAccountIdOrderByEffectiveAtAscIdAsc(long accountId);

	Stream<SubscriptionMovement> streamAllByOrderByAccountIdAscEffectiveAtAscIdAsc();
}
