package io.rapport.surveys.nps;

import java.time.Clock;
import java.util.Optional;

import io.rapport.accounts.AccountsApi;
import io.rapport.accounts.ContactView;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the answer pages need: the invitation a mailed token or a signed-in contact may answer (bound to that
 * contact, open, its campaign known), and the answer with the question in the reader's language.
 */
@Component
class NpsAnswering {

	private final NpsLinks links;

	private final Invitations invitations;

	private final Campaigns campaigns;

	private final Answers answers;

	private final NpsResponses responses;

	private final AccountsApi accounts;

	private final Clock clock;

	NpsAnswering(NpsLinks links, Invitations invitations, Campaigns campaigns, Answers answers,
			NpsResponses responses, AccountsApi accounts, Clock clock) {
		this.links = links;
		this.invitations = invitations;
		this.campaigns = campaigns;
		this.answers = answers;
		this.responses = responses;
		this.accounts = accounts;
		this.clock = clock;
	}

	/** An invitation as its answer page shows it. */
	record Survey(Invitations.Invitation invitation, Campaign campaign, ContactView contact, Answers.Answer answer) {

		/** The question in the page's language (the reader's browser's, when Rapport speaks it). */
		String question() {
			java.util.Locale locale = org.springframework.context.i18n.LocaleContextHolder.getLocale();
			String language = locale != null && Campaign.LANGUAGES.contains(locale.getLanguage())
					? locale.getLanguage() : "en";
			return campaign.question(language);
		}
	}

	/** The invitation a token names, when the token holds and names that invitation's contact. */
	@Transactional(readOnly = true)
	Optional<Survey> byToken(String token) {
		return links.verify(token).flatMap(bound -> invitations.find(bound.invitationId())
			.filter(i -> i.contactId() == bound.contactId())).flatMap(this::survey);
	}

	/** The contact's own invitation, open for the portal; empty for anyone else's. */
	@Transactional(readOnly = true)
	Optional<Survey> forContact(long invitationId, long contactId) {
		return invitations.find(invitationId).filter(i -> i.contactId() == contactId && i.byPortal())
			.flatMap(this::survey);
	}

	@Transactional
	Answers.Answer answer(Survey survey, int score, String comment, Answers.Source source) {
		return responses.answer(survey.invitation(), score, comment, source, clock.instant());
	}

	@Transactional
	void dismiss(Survey survey) {
		invitations.dismiss(survey.invitation().id(), clock.instant());
	}

	private Optional<Survey> survey(Invitations.Invitation invitation) {
		if (!invitation.openAt(clock.instant())) {
			return Optional.empty();
		}
		Optional<Campaign> campaign = campaigns.find(invitation.campaignId());
		Optional<ContactView> contact = accounts.contact(invitation.contactId());
		if (campaign.isEmpty() || contact.isEmpty()) {
			return Optional.empty();
		}
		return Optional.of(new Survey(invitation, campaign.get(), contact.get(),
				answers.ofInvitation(invitation.id()).orElse(null)));
	}
}
