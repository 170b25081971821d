package io.rapport.surveys.nps;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;

import io.rapport.identity.AuthenticatedUser;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The NPS banner of the portal's request list ({@code templates/surveys/nps-banner.html}, included by the portal
 * page and reading this bean as {@code @npsBanner}): the signed-in contact's latest open, unanswered portal
 * invitation, if any.
 */
@Component("npsBanner")
public class NpsBanner {

	private final Invitations invitations;

	private final Campaigns campaigns;

	private final Clock clock;

	NpsBanner(Invitations invitations, Campaigns campaigns, Clock clock) {
		this.invitations = invitations;
		this.campaigns = campaigns;
		this.clock = clock;
	}

	public record Shown(long invitationId, String question, List<Integer> scores) {
	}

	@Transactional(readOnly = true)
	public Shown current() {
		AuthenticatedUser user = AuthenticatedUser.current();
		if (user == null || !user.isContact()) {
			return null;
		}
		Optional<Invitations.Invitation> open = invitations.openForPortal(user.id(), clock.instant());
		return open.flatMap(i -> campaigns.find(i.campaignId()).map(c -> new Shown(i.id(),
				c.question(language()), IntStream.rangeClosed(0, 10).boxed().toList()))).orElse(null);
	}

	private static String language() {
		java.util.Locale locale = org.springframework.context.i18n.LocaleContextHolder.getLocale();
		return locale != null && Campaign.LANGUAGES.contains(locale.getLanguage()) ? locale.getLanguage() : "en";
	}
}
