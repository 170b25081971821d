package io.rapport.identity;

import java.time.Clock;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Publishes {@link ContactSignedIn} when a customer signs in interactively (not for each API call a contact's token
 * makes), inside a transaction so that the event registry keeps it until every listener is done.
 */
@Service
public class SignIns {

	private final ApplicationEventPublisher events;

	private final Clock clock;

	SignIns(ApplicationEventPublisher events, Clock clock) {
		this.events = events;
		this.clock = clock;
	}

	@Transactional
	public void signedIn(AuthenticatedUser user) {
		if (user != null && user.isContact()) {
			events.publishEvent(new ContactSignedIn(user.id(), clock.instant()));
		}
	}
}
