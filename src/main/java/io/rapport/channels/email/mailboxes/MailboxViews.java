package io.rapport.channels.email.mailboxes;

import io.rapport.channels.email.Mailbox;
import io.rapport.shared.RapportProperties;

import org.springframework.stereotype.Component;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/** Turns mailboxes into views, with the push URL under {@code rapport.base-url} or, unset, the request's own. */
@Component
class MailboxViews {

	private final MailboxService service;

	private final RapportProperties properties;

	MailboxViews(MailboxService service, RapportProperties properties) {
		this.service = service;
		this.properties = properties;
	}

	MailboxView of(Mailbox mailbox) {
		return of(mailbox, null);
	}

	MailboxView of(Mailbox mailbox, String inboundSecret) {
		return MailboxView.of(mailbox, service.counts(mailbox.getId()), baseUrl(), inboundSecret);
	}

	String baseUrl() {
		return properties.baseUrl() != null ? properties.baseUrl()
				: ServletUriComponentsBuilder.fromCurrentContextPath().toUriString();
	}
}
