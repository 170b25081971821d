package io.rapport.surveys.nps;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import io.rapport.accounts.ContactView;
import io.rapport.channels.EmailApi;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends due campaigns. Each campaign's run is one transaction: its invitations, their mails (written to the
 * outbox, so sent only if the run commits) and the campaign's next run date commit together, so a run that dies
 * half-way is done again whole, and one that committed is never done twice. The throttle reads every campaign's
 * invitations: a contact asked in the window is skipped, whichever campaign asked.
 */
@Component
class NpsSending {

	private static final Logger log = LoggerFactory.getLogger(NpsSending.class);

	static final String TEMPLATE = "survey.nps";

	private final Campaigns campaigns;

	private final Invitations invitations;

	private final AudienceResolver audiences;

	private final NpsSettings settings;

	private final NpsLinks links;

	private final EmailApi email;

	private final MessageSource messages;

	private final TransactionTemplate transactions;

	NpsSending(Campaigns campaigns, Invitations invitations, AudienceResolver audiences, NpsSettings settings,
			NpsLinks links, EmailApi email, MessageSource messages, PlatformTransactionManager transactionManager) {
		this.campaigns = campaigns;
		this.invitations = invitations;
		this.audiences = audiences;
		this.settings = settings;
		this.links = links;
		this.email = email;
		this.messages = messages;
		this.transactions = new TransactionTemplate(transactionManager);
	}

	int sendDue(Instant asOf) {
		int sent = 0;
		for (long id : campaigns.dueIds(asOf)) {
			Integer count = transactions.execute(status -> run(id, asOf));
			sent += count == null ? 0 : count;
		}
		return sent;
	}

	private int run(long campaignId, Instant asOf) {
		Campaign campaign = campaigns.find(campaignId).filter(c -> c.dueAt(asOf)).orElse(null);
		if (campaign == null) {
			return 0;
		}
		boolean mail = campaign.byEmail() && email.canSend();
		int sent = 0;
		if (mail || campaign.byPortal()) {
			for (ContactView contact : audiences.contacts(campaign)) {
				if (invitations.askedBetween(contact.id(), asOf.minus(settings.throttle()), asOf)) {
					continue;
				}
				Instant expires = asOf.plus(settings.linkValidity());
				long invitationId = invitations.insert(campaign.id(), contact.id(), mail, campaign.byPortal(), asOf,
						expires);
				if (mail) {
					mail(campaign, contact, links.token(invitationId, contact.id(), expires));
				}
				sent++;
			}
		}
		campaigns.ran(campaign.id(), asOf, campaign.followingRun(asOf));
		log.info("NPS campaign {} ({}) sent {} invitations", campaign.id(), campaign.name(), sent);
		return sent;
	}

	private void mail(Campaign campaign, ContactView contact, String token) {
		Locale locale = contact.locale() == null ? Locale.ENGLISH : contact.locale();
		String language = Campaign.LANGUAGES.contains(locale.getLanguage()) ? locale.getLanguage() : "en";
		Map<String, String> values = new LinkedHashMap<>();
		values.put("question", campaign.question(language));
		values.put("scores", scores(token, Locale.forLanguageTag(language)));
		values.put("company", campaign.company());
		values.put("link", links.pageUrl(token));
		email.sendTemplate(contact.email(), contact.displayName(), TEMPLATE, Locale.forLanguageTag(language), values);
	}

	/** The 11 one-click links, one a line, with the words at both ends of the scale. */
	private String scores(String token, Locale locale) {
		StringBuilder lines = new StringBuilder();
		for (int score = 0; score <= 10; score++) {
			String label = score == 0 ? " (" + messages.getMessage("nps.scale.low", null, locale) + ")"
					: score == 10 ? " (" + messages.getMessage("nps.scale.high", null, locale) + ")" : "";
			lines.append(score).append(label).append(": ").append(links.scoreUrl(token, score));
			if (score < 10) {
				lines.append('\n');
			}
		}
		return lines.toString();
	}
}
