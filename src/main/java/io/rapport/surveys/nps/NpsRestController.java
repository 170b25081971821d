package io.rapport.surveys.nps;

import java.net.URI;
import java.time.Instant;

import io.rapport.identity.AuthenticatedUser;
import io.rapport.identity.CurrentUser;
import io.rapport.shared.NotFoundException;
import io.rapport.surveys.NpsApi;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/v1/nps/responses}: admins import answers collected elsewhere (Delighted, Typeform exports).
 * Each publishes {@code NpsAnswered} like an answer to Rapport's own survey; the 90-day throttle is not applied
 * (it limits what Rapport sends, not what was answered elsewhere). {@code GET /api/v1/nps/responses/{id}} reads
 * one answer back, for agents.
 */
@RestController
@Tag(name = "NPS", description = "Answers to NPS surveys, imported from other tools")
class NpsRestController {

	private final NpsApi nps;

	private final Answers answers;

	NpsRestController(NpsApi nps, Answers answers) {
		this.nps = nps;
		this.answers = answers;
	}

	record ResponseJson(long id, long contactId, Long accountId, Long campaignId, int score, String comment,
			String category, String source, Instant answeredAt) {

		static ResponseJson of(Answers.Answer a) {
			return new ResponseJson(a.id(), a.contactId(), a.accountId(), a.campaignId(), a.score(), a.comment(),
					NpsScore.category(a.score()), a.source().name(), a.answeredAt());
		}
	}

	@Operation(summary = "Import an NPS answer collected elsewhere (admins): `contactId`, `score` 0-10, optional "
			+ "`comment`, `answeredAt` (default now) and `campaignId`; not throttled; a detractor's answer opens a follow-up ticket")
	@PostMapping("/api/v1/nps/responses")
	ResponseEntity<ResponseJson> create(@CurrentUser AuthenticatedUser user, @RequestBody NpsApi.NpsResponse input) {
		user.requireAdmin();
		long id = nps.importResponse(input, user.id());
		return ResponseEntity.created(URI.create("/api/v1/nps/responses/" + id))
			.body(ResponseJson.of(answers.find(id).orElseThrow()));
	}

	@Operation(summary = "One NPS answer (agents)")
	@GetMapping("/api/v1/nps/responses/{id}")
	ResponseJson get(@CurrentUser AuthenticatedUser user, @PathVariable long id) {
		user.requireAgent();
		return answers.find(id).map(ResponseJson::of)
			.orElseThrow(() -> NotFoundException.of("errors.nps.answer", id));
	}
}
