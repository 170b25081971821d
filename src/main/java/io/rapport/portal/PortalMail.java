package io.rapport.portal;

import java.util.Locale;
import java.util.Map;

import io.rapport.channels.EmailApi;
import io.rapport.identity.PortalTokens;
import io.rapport.identity.PortalTokens.Purpose;
import io.rapport.shared.RapportProperties;

import org.springframework.stereotype.Component;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * The mails the portal sends about accounts: the verification link after sign-up, the password-reset link, the
 * invitation. Each goes through {@link EmailApi} (the outbox, in the caller's transaction) with its link built on
 * the configured public address, so a link never carries a Host header someone sent.
 */
@Component
class PortalMail {

	private final EmailApi email;

	private final PortalTokens tokens;

	private final RapportProperties properties;

	PortalMail(EmailApi email, PortalTokens tokens, RapportProperties properties) {
		this.email = email;
		this.tokens = tokens;
		this.properties = properties;
	}

	/** Whether mail can go out; without it, sign-up cannot ask for verification and links are copied by hand. */
	boolean canSend() {
		return email.canSend();
	}

	void sendVerification(long contactId, String address, String name, Locale locale) {
		send(address, name, "portal.verify", locale, "/portal/verify/" + tokens.issue(Purpose.VERIFY, contactId, address));
	}

	void sendReset(long contactId, String address, String name, Locale locale) {
		send(address, name, "portal.reset", locale, "/portal/reset/" + tokens.issue(Purpose.RESET, contactId, address));
	}

	void sendInvitation(String address, String name, Locale locale, String token) {
		send(address, name, "portal.invitation", locale, "/portal/invitation/" + token);
	}

	private void send(String address, String name, String template, Locale locale, String path) {
		String shownName = name == null || name.isBlank() ? address : name;
		email.sendTemplate(address, shownName, template, locale,
				Map.of("link", link(path), "name", shownName));
	}

	/** The configured public address when there is one, else the address of the request being served. */
	String link(String path) {
		String root = properties.baseUrl() != null ? properties.baseUrl().replaceAll("/+$", "")
				: ServletUriComponentsBuilder.fromCurrentContextPath().toUriString();
		return root + path;
	}
}
