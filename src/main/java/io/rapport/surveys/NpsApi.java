package io.rapport.surveys;

import java.time.Instant;
import java.util.List;

/**
 * NPS campaigns and their answers, for the pages of other modules and the demo data. Every answer recorded here,
 * and every change to one, publishes {@link NpsAnswered}.
 */
public interface NpsApi {

	/** Creates a campaign as the admin {@code byAgentId} would on the admin page; answers its id. */
	long createCampaign(NpsCampaignDraft draft, long byAgentId);

	/**
	 * Changes a campaign as the admin page does; {@code version} is the version read (a stale one is a conflict).
	 * A new start date sets the next run to it.
	 */
	void updateCampaign(long id, NpsCampaignDraft draft, long version);

	/** The version of a campaign to pass to {@link #updateCampaign}. */
	long campaignVersion(long id);

	/**
	 * Sends every active campaign due at {@code asOf}: one invitation per contact of its audience, except contacts
	 * asked in the throttle window before {@code asOf} by any campaign. The job calls it with the clock's now; the
	 * demo with past instants. Answers how many invitations went out.
	 */
	int sendDue(Instant asOf);

	/** The invitations a campaign sent, oldest first. */
	List<NpsInvitation> invitations(long campaignId);

	/** Records (or changes) the answer to an invitation as if its contact clicked a score at {@code at}. */
	long answer(long invitationId, int score, String comment, Instant at);

	/**
	 * Records an answer collected elsewhere (a Delighted or Typeform export). The throttle does not apply: it is
	 * for surveys Rapport sends. Unknown contact or campaign, or a score outside 0-10, are invalid input naming the
	 * field. Answers the answer's id.
	 */
	long importResponse(NpsResponse response, long byAdminId);

	/** An invitation as the demo and the pages see it. */
	record NpsInvitation(long id, long campaignId, long contactId, Instant sentAt, Instant expiresAt) {
	}

	/** An answer to import: {@code answeredAt} defaults to now; {@code campaignId} is optional. */
	record NpsResponse(Long contactId, Integer score, String comment, Instant answeredAt, Long campaignId) {
	}
}
