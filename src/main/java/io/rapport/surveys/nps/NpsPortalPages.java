package io.rapport.surveys.nps;

import java.util.Optional;

import io.rapport.identity.AuthenticatedUser;
import io.rapport.identity.CurrentUser;
import io.rapport.shared.InvalidInputException;
import io.rapport.shared.NotFoundException;
import io.rapport.shared.TranslatableException;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The portal's side of NPS: the banner's score buttons (one click records the score and opens the comment page),
 * the comment page, and "not now", which hides the banner for that invitation. A contact reaches only their own
 * invitations; any other id is a 404.
 */
@Controller
class NpsPortalPages {

	private final NpsAnswering answering;

	NpsPortalPages(NpsAnswering answering) {
		this.answering = answering;
	}

	@PostMapping("/portal/nps/{id}/score")
	String score(@CurrentUser AuthenticatedUser user, @PathVariable long id, @RequestParam(required = false) Integer score,
			HttpServletResponse response) {
		NpsAnswering.Survey survey = own(user, id);
		if (score == null || score < 0 || score > 10) {
			return "redirect:/portal";
		}
		answering.answer(survey, score, null, Answers.Source.PORTAL);
		return "redirect:/portal/nps/" + id + "?saved";
	}

	@GetMapping("/portal/nps/{id}")
	String page(@CurrentUser AuthenticatedUser user, @PathVariable long id, Model model) {
		return page(model, own(user, id), "/portal/nps/" + id, null, null, null);
	}

	@PostMapping("/portal/nps/{id}")
	String save(@CurrentUser AuthenticatedUser user, @PathVariable long id, @RequestParam(required = false) Integer score,
			@RequestParam(defaultValue = "") String comment, HttpServletResponse response, Model model) {
		NpsAnswering.Survey survey = own(user, id);
		try {
			answering.answer(survey, score == null ? -1 : score, comment, Answers.Source.PORTAL);
		}
		catch (InvalidInputException e) {
			response.setStatus(400);
			return page(model, survey, "/portal/nps/" + id, score, comment, e);
		}
		return "redirect:/portal/nps/" + id + "?thanks";
	}

	@PostMapping("/portal/nps/{id}/dismiss")
	String dismiss(@CurrentUser AuthenticatedUser user, @PathVariable long id) {
		answering.dismiss(own(user, id));
		return "redirect:/portal";
	}

	/** Someone else's invitation, or one closed since the page was shown: the portal's "not found". */
	@ExceptionHandler(NotFoundException.class)
	String notFound(HttpServletResponse response) {
		return NpsLinkPages.unusable(response);
	}

	private NpsAnswering.Survey own(AuthenticatedUser user, long id) {
		Optional<NpsAnswering.Survey> survey = user == null || !user.isContact() ? Optional.empty()
				: answering.forContact(id, user.id());
		return survey.orElseThrow(() -> NotFoundException.of("errors.not-found"));
	}

	/** The answer page, for a mailed link and for the portal alike. */
	static String page(Model model, NpsAnswering.Survey survey, String action, Integer score, String comment,
			TranslatableException error) {
		model.addAttribute("question", survey.question());
		model.addAttribute("action", action);
		model.addAttribute("score", score != null ? score : survey.answer() == null ? null : survey.answer().score());
		model.addAttribute("comment", comment != null ? comment
				: survey.answer() == null || survey.answer().comment() == null ? "" : survey.answer().comment());
		model.addAttribute("error", error);
		model.addAttribute("scores", java.util.stream.IntStream.rangeClosed(0, 10).boxed().toList());
		return "surveys/nps-answer";
	}
}
