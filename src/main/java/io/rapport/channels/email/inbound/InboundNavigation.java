package io.rapport.channels.email.inbound;

import java.util.List;

import io.rapport.shared.web.AdminLink;
import io.rapport.shared.web.SidebarContribution;
import io.rapport.shared.web.SidebarEntry;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Where people find the mail that waits for them: admins through a tile ("Held, spam and failed mail"), every
 * agent through a "Spam" link among the sidebar's views, with the number waiting.
 */
@Configuration(proxyBeanMethods = false)
class InboundNavigation {

	@Bean
	AdminLink inboundMailAdminLink() {
		return new AdminLink("inbound.admin", "inbound.admin.subtitle", "/admin/mail/held", "admin:mail-inbound", 55);
	}

	@Bean
	SidebarContribution inboundSpamEntry(InboundMails mails) {
		return () -> List.of(SidebarEntry.link("nav.views", 150, "inbound.spam", "/mail/spam", "mail:spam")
			.withCount(() -> mails.countByStatus(InboundMail.Status.SPAM)));
	}
}
