package io.rapport.demo;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

import io.rapport.accounts.AccountsApi;
import io.rapport.accounts.ContactView;
import io.rapport.identity.AgentView;
import io.rapport.identity.IdentityApi;
import io.rapport.identity.Role;
import io.rapport.surveys.NpsApi;
import io.rapport.surveys.NpsCampaignDraft;

import org.springframework.stereotype.Component;

/**
 * Brightlane's NPS: one recurring campaign (every 30 days, portal banner) that asked a third of the customers at
 * each of its last three runs, 89, 59 and 29 days ago, and the answers they gave in the days after (a seeded mix of
 * scores, comments in several languages). Everything goes through the surveys facade, so each answer publishes
 * {@code NpsAnswered} and each detractor gets a follow-up ticket, as in real life.
 */
@Component
class DemoNps {

	static final int COHORT = 150;

	private static final String[][] PRAISE = { { "en", "Quick and friendly answers every time." },
			{ "ro", "Răspunsuri rapide și clare, mulțumim!" }, { "zh", "客服响应很快，问题都解决了。" },
			{ "eo", "Tre helpema teamo, mi rekomendas vin." }, { "ta", "உதவி மிகவும் விரைவாக கிடைத்தது." },
			{ "en", "The new reports are exactly what we needed." } };

	private static final String[][] MIXED = { { "en", "Good product, but setup took us a while." },
			{ "ro", "Bun în general, documentația ar putea fi mai clară." }, { "zh", "总体不错，但价格有点高。" },
			{ "eo", "Bone, sed la apo foje malrapidas." } };

	private static final String[][] COMPLAINTS = { { "en", "Too long to get a reply on billing questions." },
			{ "ro", "Facturarea este greu de înțeles și nimeni nu răspunde." },
			{ "zh", "导出功能经常出错，希望尽快修复。" }, { "ta", "விலைப்பட்டியல் குழப்பமாக உள்ளது." },
			{ "eo", "La sinkronigo perdis miajn datumojn dufoje." } };

	private final NpsApi nps;

	private final AccountsApi accounts;

	private final IdentityApi identity;

	private final Clock clock;

	DemoNps(NpsApi nps, AccountsApi accounts, IdentityApi identity, Clock clock) {
		this.nps = nps;
		this.accounts = accounts;
		this.identity = identity;
		this.clock = clock;
	}

	record Result(long campaignId, int invitations, int answers) {
	}

	Result create(long seed) {
		Random random = new Random(seed ^ 0x4e5053L);
		long adminId = identity.agents().stream().filter(a -> a.role() == Role.ADMIN).map(AgentView::id).findFirst()
			.orElseThrow(() -> new IllegalStateException("The demo needs an admin"));
		List<List<String>> cohorts = cohorts();
		Instant now = clock.instant();
		Instant start = now.minus(Duration.ofDays(89));
		long id = nps.createCampaign(draft(cohorts.get(0), start), adminId);
		int invitations = 0;
		int answers = 0;
		for (int run = 0; run < cohorts.size(); run++) {
			if (run > 0) {
				nps.updateCampaign(id, draft(cohorts.get(run), start), nps.campaignVersion(id));
			}
			Instant at = start.plus(Duration.ofDays(30L * run));
			int before = nps.invitations(id).size();
			nps.sendDue(at);
			List<NpsApi.NpsInvitation> sent = nps.invitations(id);
			invitations += sent.size() - before;
			for (NpsApi.NpsInvitation invitation : sent.subList(before, sent.size())) {
				if (random.nextInt(100) < 45) {
					answer(invitation, random, now);
					answers++;
				}
			}
		}
		return new Result(id, invitations, answers);
	}

	private void answer(NpsApi.NpsInvitation invitation, Random random, Instant now) {
		int roll = random.nextInt(100);
		int score = roll < 45 ? 9 + random.nextInt(2) : roll < 75 ? 7 + random.nextInt(2) : random.nextInt(7);
		String[][] pool = score >= 9 ? PRAISE : score >= 7 ? MIXED : COMPLAINTS;
		String comment = random.nextInt(100) < 55 ? pool[random.nextInt(pool.length)][1] : null;
		Instant at = invitation.sentAt().plus(Duration.ofMinutes(30 + random.nextInt(6 * 24 * 60)));
		nps.answer(invitation.id(), score, comment, at.isAfter(now) ? now : at);
	}

	private NpsCampaignDraft draft(List<String> emails, Instant start) {
		return new NpsCampaignDraft("Brightlane NPS (monthly)", "Brightlane", "LIST", List.of(), emails, false, true,
				"RECURRING", start, 30, true, Map.of());
	}

	/** Three cohorts of up to 150 customers each, in the order accounts lists them. */
	private List<List<String>> cohorts() {
		List<ContactView> contacts = accounts.searchContacts("", 0, COHORT * 3).items();
		List<List<String>> cohorts = new ArrayList<>();
		int size = Math.max(1, (contacts.size() + 2) / 3);
		for (int from = 0; from < contacts.size(); from += size) {
			cohorts.add(contacts.subList(from, Math.min(contacts.size(), from + size)).stream().map(ContactView::email)
				.toList());
		}
		return cohorts;
	}
}
