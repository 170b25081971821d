package io.rapport.surveys.nps;

import java.util.Optional;

import io.rapport.shared.InvalidInputException;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The pages a mailed NPS link opens, without signing in: one click on a score records it and opens the comment
 * page, where the score and the comment can be changed while the invitation is open. A bad, tampered, moved or
 * expired token gets a 404 page saying the link no longer works.
 */
@Controller
class NpsLinkPages {

	private final NpsAnswering answering;

	NpsLinkPages(NpsAnswering answering) {
		this.answering = answering;
	}

	@GetMapping("/surveys/nps/{token}/{score}")
	String click(@PathVariable String token, @PathVariable String score,
			HttpServletResponse response, Model model) {
		Optional<NpsAnswering.Survey> survey = answering.byToken(token);
		Integer value = score.matches("\\d{1,2}") ? Integer.valueOf(score) : null;
		if (survey.isEmpty() || value == null || value > 10) {
			return unusable(response);
		}
		answering.answer(survey.get(), value, null, Answers.Source.EMAIL);
		return "redirect:/surveys/nps/" + token + "?saved";
	}

	@GetMapping("/surveys/nps/{token}")
	String page(@PathVariable String token, HttpServletResponse response, Model model) {
		Optional<NpsAnswering.Survey> survey = answering.byToken(token);
		if (survey.isEmpty()) {
			return unusable(response);
		}
		return NpsPortalPages.page(model, survey.get(), "/surveys/nps/" + token, null, null, null);
	}

	@PostMapping("/surveys/nps/{token}")
	String save(@PathVariable String token, @RequestParam(required = false) Integer score,
			@RequestParam(defaultValue = "") String comment, HttpServletResponse response,
			Model model) {
		Optional<NpsAnswering.Survey> survey = answering.byToken(token);
		if (survey.isEmpty()) {
			return unusable(response);
		}
		try {
			answering.answer(survey.get(), score == null ? -1 : score, comment, Answers.Source.EMAIL);
		}
		catch (InvalidInputException e) {
			response.setStatus(400);
			return NpsPortalPages.page(model, survey.get(), "/surveys/nps/" + token, score, comment, e);
		}
		return "redirect:/surveys/nps/" + token + "?thanks";
	}

	static String unusable(HttpServletResponse response) {
		response.setStatus(404);
		return "surveys/nps-unusable";
	}
}
