package io.rapport.workflows.internal;

import java.time.Clock;
import java.util.List;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Edits of SLA policies from the admin pages and the API: each is stored by {@link PolicyStore} and announced with
 * {@link SlaPolicyChanged}, so targets already running follow the policy as it now is (as in Zendesk, where a
 * policy's change recalculates the targets of open tickets), not only tickets that arrive after the edit.
 */
@Service
class SlaPolicies {

	private final PolicyStore policies;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	SlaPolicies(PolicyStore policies, ApplicationEventPublisher events, Clock clock) {
		this.policies = policies;
		this.events = events;
		this.clock = clock;
	}

	List<SlaPolicy> all() {
		return policies.all();
	}

	SlaPolicy require(long id) {
		return policies.require(id);
	}

	/** Stores a new policy (id 0) or a change; answers its id. */
	@Transactional
	long save(SlaPolicy policy) {
		long id = policies.save(policy);
		events.publishEvent(new SlaPolicyChanged(id, clock.instant()));
		return id;
	}

	@Transactional
	void delete(long id) {
		policies.delete(id);
		events.publishEvent(new SlaPolicyChanged(id, clock.instant()));
	}

	/** A move changes which policy matches first only for tickets of the policies that swapped places. */
	@Transactional
	void move(long id, int delta) {
		List<Long> order = policies.all().stream().map(SlaPolicy::id).toList();
		policies.move(id, delta);
		int from = order.indexOf(id);
		int to = Math.max(0, Math.min(order.size() - 1, from + Integer.signum(delta)));
		if (from != to) {
			events.publishEvent(new SlaPolicyChanged(order.get(from), clock.instant()));
			events.publishEvent(new SlaPolicyChanged(order.get(to), clock.instant()));
		}
	}
}
