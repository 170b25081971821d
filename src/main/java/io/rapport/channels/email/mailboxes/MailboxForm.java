package io.rapport.channels.email.mailboxes;

import java.util.Locale;
import java.util.Map;

import io.rapport.channels.email.Mailbox.AfterImport;
import io.rapport.channels.email.Mailbox.ImapAuth;
import io.rapport.channels.email.Mailbox.InboundMode;
import io.rapport.channels.email.Mailbox.Security;
import io.rapport.shared.web.PageForms;

/**
 * The mailbox form of the admin pages, flat and all text so that a mistyped number is a message beside its field,
 * not a binding error. Password fields always start empty; left empty, the stored secret stays.
 */
record MailboxForm(String name, String address, String group, String inboundMode, String imapHost, String imapPort,
		String imapSecurity, String imapUsername, String imapAuth, String imapPassword, String imapFolder,
		String imapPollSeconds, String imapAfterImport, String imapMoveFolder, String smtpHost, String smtpPort,
		String smtpSecurity, String smtpUsername, String smtpPassword, String smtpFromName, Boolean notifyReceived,
		Boolean notifyReplies, Boolean notifySolved, Boolean makeDefault, Boolean active, OAuthFields imapOauth,
		String smtpAuth, OAuthFields smtpOauth) {

	/** The sign-in choices of the form: a pasted access token (XOAUTH2) or one Rapport renews (OAUTH2). */
	static final String REFRESHING = "OAUTH2";

	/** The OAuth2 fields of one side; the secrets always start empty. */
	record OAuthFields(String clientId, String clientSecret, String tokenUrl, String refreshToken) {

		static OAuthFields of(MailboxView.OAuth2 oauth) {
			return oauth == null ? new OAuthFields(null, null, null, null)
					: new OAuthFields(oauth.clientId(), null, oauth.tokenUrl(), null);
		}

		MailboxRequest.OAuth2 request() {
			return new MailboxRequest.OAuth2(clientId, clientSecret, tokenUrl, refreshToken);
		}
	}

	static MailboxForm blank() {
		return new MailboxForm(null, null, "tier1", "IMAP", null, null, "TLS", null, "PASSWORD", null, "INBOX", "60",
				"SEEN", null, null, null, "STARTTLS", null, null, null, true, true, true, false, true,
				OAuthFields.of(null), "PASSWORD", OAuthFields.of(null));
	}

	static MailboxForm of(MailboxView view) {
		MailboxView.Imap imap = view.imap();
		MailboxView.Smtp smtp = view.smtp();
		return new MailboxForm(view.name(), view.address(), view.group(), view.inboundMode().name(),
				imap == null ? null : imap.host(), imap == null ? null : text(imap.port()),
				imap == null ? "TLS" : imap.security().name(), imap == null ? null : imap.username(),
				imapAuthChoice(imap), null, imap == null ? "INBOX" : imap.folder(),
				imap == null ? "60" : text(imap.pollSeconds()), imap == null ? "SEEN" : imap.afterImport().name(),
				imap == null ? null : imap.moveFolder(), smtp == null ? null : smtp.host(),
				smtp == null ? null : text(smtp.port()), smtp == null ? "STARTTLS" : smtp.security().name(),
				smtp == null ? null : smtp.username(), null, smtp == null ? null : smtp.fromName(),
				view.notifyReceived(), view.notifyReplies(), view.notifySolved(), view.isDefault(), view.active(),
				OAuthFields.of(imap == null ? null : imap.oauth2()), smtp != null && smtp.oauth2() != null ? REFRESHING
						: "PASSWORD", OAuthFields.of(smtp == null ? null : smtp.oauth2()));
	}

	private static String imapAuthChoice(MailboxView.Imap imap) {
		return imap == null ? "PASSWORD" : imap.oauth2() != null ? REFRESHING : imap.auth().name();
	}

	/** The request this form stands for; unreadable numbers and choices go into {@code errors}. */
	MailboxRequest toRequest(PageForms forms, Map<String, String> errors) {
		MailboxRequest.Imap imap = null;
		InboundMode mode = forms.parse(InboundMode.class, inboundMode, "inboundMode", errors);
		if (mode == InboundMode.IMAP) {
			boolean refreshing = REFRESHING.equals(imapAuth);
			ImapAuth auth = refreshing ? ImapAuth.XOAUTH2 : forms.parse(ImapAuth.class, imapAuth, "imapAuth", errors);
			imap = new MailboxRequest.Imap(imapHost, number(forms, imapPort, "imapPort", errors),
					forms.parse(Security.class, imapSecurity, "imapSecurity", errors), imapUsername, auth,
					auth == ImapAuth.XOAUTH2 ? null : imapPassword, auth == ImapAuth.XOAUTH2 ? imapPassword : null,
					imapFolder, number(forms, imapPollSeconds, "imapPollSeconds", errors),
					forms.parse(AfterImport.class, imapAfterImport, "imapAfterImport", errors), imapMoveFolder,
					refreshing && imapOauth != null ? imapOauth.request() : null);
		}
		boolean smtpRefreshing = REFRESHING.equals(smtpAuth) && smtpOauth != null;
		MailboxRequest.Smtp smtp = blank(smtpHost) ? null
				: new MailboxRequest.Smtp(smtpHost, number(forms, smtpPort, "smtpPort", errors),
						forms.parse(Security.class, smtpSecurity, "smtpSecurity", errors),
						smtpUsername == null ? "" : smtpUsername, smtpRefreshing ? null : smtpPassword,
						smtpFromName == null ? "" : smtpFromName, smtpRefreshing ? smtpOauth.request() : null);
		return new MailboxRequest(name, address, group, mode, imap, smtp, checked(notifyReceived),
				checked(notifyReplies), checked(notifySolved), checked(makeDefault), checked(active));
	}

	/**
	 * The form field a domain error names: {@code imap.pollSeconds} is {@code imapPollSeconds},
	 * {@code smtp.oauth2.tokenUrl} is {@code smtpOauth.tokenUrl}.
	 */
	static String field(String domainField) {
		if (domainField.contains(".oauth2.")) {
			return domainField.replace(".oauth2.", "Oauth.");
		}
		int dot = domainField.indexOf('.');
		if (dot < 0) {
			return domainField;
		}
		String rest = domainField.substring(dot + 1);
		if (rest.equals("accessToken") || rest.equals("password")) {
			rest = "password";
		}
		return domainField.substring(0, dot) + rest.substring(0, 1).toUpperCase(Locale.ROOT) + rest.substring(1);
	}

	private static Integer number(PageForms forms, String value, String field, Map<String, String> errors) {
		if (blank(value)) {
			return null;
		}
		try {
			return Integer.valueOf(value.strip());
		}
		catch (NumberFormatException e) {
			errors.put(field, forms.message("mailbox.form.invalidNumber"));
			return null;
		}
	}

	private static boolean checked(Boolean value) {
		return Boolean.TRUE.equals(value);
	}

	private static boolean blank(String value) {
		return value == null || value.isBlank();
	}

	private static String text(Integer value) {
		return value == null ? null : value.toString();
	}
}
