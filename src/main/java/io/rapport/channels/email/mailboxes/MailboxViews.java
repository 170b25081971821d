package io.rapport.channels.email.mailboxes;

import io.rapport.channels.email.Mailbox;
import io.rapport.channels.email.oauth.MailboxOAuth.Protocol;
import io.rapport.channels.email.oauth.OAuthTokens;
import io.rapport.shared.RapportProperties;

import org.springframework.stereotype.Component;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/** Turns mailboxes into views, with the push URL under {@code rapport.base-url} or, unset, the request's own. */
@Component
class MailboxViews {

	private final MailboxService service;

	private final RapportProperties properties;

	private final OAuthTokens tokens;

	MailboxViews(MailboxService service, RapportProperties properties, OAuthTokens tokens) {
		this.service = service;
		this.properties = properties;
		this.tokens = tokens;
	}

	MailboxView of(Mailbox mailbox) {
		return of(mailbox, null);
	}

	MailboxView of(Mailbox mailbox, String inboundSecret) {
		return MailboxView.of(mailbox, service.counts(mailbox.getId()), baseUrl(), inboundSecret,
				MailboxView.OAuth2.of(tokens.state(mailbox.getId(), Protocol.IMAP)),
				MailboxView.OAuth2.of(tokens.state(mailbox.getId(), Protocol.SMTP)));
	}

	String baseUrl() {
		return properties.baseUrl() != null ? properties.baseUrl()
				: ServletUriComponentsBuilder.fromCurrentContextPath().toUriString();
	}
}
