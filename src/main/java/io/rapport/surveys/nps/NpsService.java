package io.rapport.surveys.nps;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import io.rapport.shared.NotFoundException;
import io.rapport.surveys.NpsApi;
import io.rapport.surveys.NpsCampaignDraft;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The surveys module's NPS facade: campaigns, sending, answers. */
@Service
class NpsService implements NpsApi {

	private final Campaigns campaigns;

	private final CampaignRules rules;

	private final NpsSending sending;

	private final NpsResponses responses;

	private final Invitations invitations;

	private final Clock clock;

	NpsService(Campaigns campaigns, CampaignRules rules, NpsSending sending, NpsResponses responses,
			Invitations invitations, Clock clock) {
		this.campaigns = campaigns;
		this.rules = rules;
		this.sending = sending;
		this.responses = responses;
		this.invitations = invitations;
		this.clock = clock;
	}

	@Override
	@Transactional
	public long createCampaign(NpsCampaignDraft draft, long byAgentId) {
		return campaigns.insert(rules.campaign(0, draft, byAgentId, clock.instant(), 0));
	}

	/**
	 * Saves an admin's change. A new start date sets the next run to it; otherwise the campaign keeps its rhythm
	 * (a one-off that ran stays done; a recurring one that ran goes on from its last run).
	 */
	@Override
	@Transactional(readOnly = true)
	public long campaignVersion(long id) {
		return campaign(id).version();
	}

	@Override
	@Transactional
	public void updateCampaign(long id, NpsCampaignDraft draft, long version) {
		Campaign before = campaign(id);
		Campaign changed = rules.campaign(id, draft, before.createdBy(), before.createdAt(), version);
		Instant next;
		if (before.lastRunAt() == null || !changed.startsAt().equals(before.startsAt())) {
			next = changed.startsAt();
		}
		else if (changed.schedule() == Campaign.Schedule.RECURRING) {
			next = before.nextRunAt() != null && before.schedule() == Campaign.Schedule.RECURRING
					&& before.everyDays().equals(changed.everyDays()) ? before.nextRunAt()
							: before.lastRunAt().plus(java.time.Duration.ofDays(changed.everyDays()));
		}
		else {
			next = null;
		}
		campaigns.update(new Campaign(id, changed.name(), changed.company(), changed.audience(), changed.accountIds(),
				changed.emails(), changed.byEmail(), changed.byPortal(), changed.schedule(), changed.startsAt(),
				changed.everyDays(), next, before.lastRunAt(), changed.active(), changed.createdBy(),
				changed.createdAt(), version, changed.questions()));
	}

	@Transactional
	public void setActive(long id, boolean active) {
		campaign(id);
		campaigns.setActive(id, active);
	}

	@Transactional(readOnly = true)
	public List<Campaign> all() {
		return campaigns.all();
	}

	@Transactional(readOnly = true)
	public Campaign campaign(long id) {
		return campaigns.find(id).orElseThrow(() -> NotFoundException.of("errors.nps.campaign", id));
	}

	@Override
	public int sendDue(Instant asOf) {
		return sending.sendDue(asOf);
	}

	@Override
	@Transactional(readOnly = true)
	public List<NpsInvitation> invitations(long campaignId) {
		return invitations.ofCampaign(campaignId).stream()
			.map(i -> new NpsInvitation(i.id(), i.campaignId(), i.contactId(), i.sentAt(), i.expiresAt()))
			.toList();
	}

	@Override
	@Transactional
	public long answer(long invitationId, int score, String comment, Instant at) {
		Invitations.Invitation invitation = invitations.find(invitationId)
			.orElseThrow(() -> NotFoundException.of("errors.nps.closed"));
		Answers.Source source = invitation.byEmail() ? Answers.Source.EMAIL : Answers.Source.PORTAL;
		return responses.answer(invitation, score, comment, source, at).id();
	}

	@Override
	@Transactional
	public long importResponse(NpsResponse response, long byAdminId) {
		boolean known = response.campaignId() != null && campaigns.find(response.campaignId()).isPresent();
		return responses.importResponse(response.contactId(), response.score(), response.comment(),
				response.answeredAt(), response.campaignId(), known, byAdminId);
	}
}
