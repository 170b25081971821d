package io.rapport.surveys.csat;

import io.rapport.identity.AuthenticatedUser;
import io.rapport.identity.CurrentUser;
import io.rapport.shared.NotFoundException;
import io.rapport.surveys.CsatAnswerView;
import io.rapport.surveys.CsatSurveys;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The requester rates their solved ticket, under the same rule as the survey mail's link. */
@RestController
@RequestMapping("/api/v1/tickets")
@Tag(name = "Satisfaction", description = "CSAT: the requester rates a solved ticket")
class CsatRestController {

	private final CsatSurveys surveys;

	CsatRestController(CsatSurveys surveys) {
		this.surveys = surveys;
	}

	@PostMapping("/{id}/satisfaction")
	@Operation(summary = "Rate a solved ticket (1 to 5) with an optional comment",
			description = "Customer credentials only: the ticket's requester, while its survey is open (from the "
					+ "survey's due time after the solve, for 30 days). Rating again changes the answer; a comment "
					+ "left out keeps the one given, an empty one removes it. Anyone else gets 404.")
	@ApiResponse(responseCode = "200", description = "The answer in force")
	@ApiResponse(responseCode = "400", description = "rating missing or not 1 to 5, or comment over 5000 characters")
	@ApiResponse(responseCode = "404", description = "No open survey of yours on this ticket")
	CsatAnswerView rate(@CurrentUser AuthenticatedUser user, @Parameter(description = "Ticket id") @PathVariable long id,
			@RequestBody SatisfactionRequest request) {
		if (user == null || !user.isContact()) {
			throw NotFoundException.of("errors.surveys.not-found");
		}
		return surveys.rate(id, request == null ? null : request.rating(), request == null ? null : request.comment(),
				user);
	}

	@Schema(description = "A rating of the help on a solved ticket")
	record SatisfactionRequest(@Schema(description = "1 (very poor) to 5 (excellent)", minimum = "1", maximum = "5",
			requiredMode = Schema.RequiredMode.REQUIRED) Integer rating,
			@Schema(description = "Free comment, plain text, at most 5000 characters", maxLength = 5000) String comment) {
	}
}
