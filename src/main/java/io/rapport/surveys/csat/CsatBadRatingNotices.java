package io.rapport.surveys.csat;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import io.rapport.identity.GroupView;
import io.rapport.identity.IdentityApi;
import io.rapport.notifications.NewNotification;
import io.rapport.notifications.NotificationsApi;
import io.rapport.surveys.CsatRated;
import io.rapport.tickets.TicketLookup;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * A bad rating (1 or 2) tells the ticket's agent and its group's lead. Once per answer and survey: the dedup key is
 * built from the answer id and the survey's time, so a redelivered event, or a change from 1 to 2, tells no one twice,
 * while a bad rating after the next solve tells them again.
 */
@Component
class CsatBadRatingNotices {

	static final String KIND = "csat_bad";

	private final NotificationsApi notifications;

	private final IdentityApi identity;

	private final TicketLookup tickets;

	CsatBadRatingNotices(NotificationsApi notifications, IdentityApi identity, TicketLookup tickets) {
		this.notifications = notifications;
		this.identity = identity;
		this.tickets = tickets;
	}

	@ApplicationModuleListener(condition = "#event.rating() <= 2")
	public void on(CsatRated event) {
		Set<Long> recipients = new LinkedHashSet<>();
		if (event.agentId() != null) {
			recipients.add(event.agentId());
		}
		if (event.groupKey() != null) {
			identity.groupByKey(event.groupKey()).map(GroupView::id).flatMap(identity::groupLead)
				.ifPresent(recipients::add);
		}
		if (recipients.isEmpty()) {
			return;
		}
		String number = tickets.header(event.ticketId()).map(h -> String.valueOf(h.number()))
			.orElse(String.valueOf(event.ticketId()));
		String dedup = "csat-bad:" + event.answerId() + ":" + event.surveyedAt().getEpochSecond();
		for (Long recipient : recipients) {
			notifications.notify(NewNotification.aboutTicket(recipient, KIND, event.ticketId(),
					"surveys.notification.bad", List.of(number, String.valueOf(event.rating())), dedup));
		}
	}
}
