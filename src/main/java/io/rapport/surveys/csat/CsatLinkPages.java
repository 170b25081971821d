package io.rapport.surveys.csat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import io.rapport.shared.InvalidInputException;
import io.rapport.shared.NotFoundException;
import io.rapport.surveys.CsatOffer;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The pages a survey mail's links open, without signing in: the token is the credential, and it names one survey
 * (so one ticket and one contact). Opening a link never records anything by itself: the page carries the rating
 * in a small form that {@code /js/csat-link.js} submits at once, so a person's one click records the rating while a
 * mail scanner that fetches every link (and runs no script) records nothing. Without scripts, one button does it.
 * The page is in the survey's language, whatever the browser says.
 */
@Controller
class CsatLinkPages {

	static final List<String> WORDS = List.of("title", "rate", "send", "saved", "commentSaved", "comment", "change",
			"save", "expires", "unusable", "unusableTitle", "closedTitle", "closed", "error", "errorComment");

	private final CsatService surveys;

	private final MessageSource messages;

	CsatLinkPages(CsatService surveys, MessageSource messages) {
		this.surveys = surveys;
		this.messages = messages;
	}

	@GetMapping("/survey/{token}")
	String show(@PathVariable String token, @RequestParam(required = false) String rating,
			@RequestParam(required = false) String saved, Model model, HttpServletResponse response) {
		Optional<Survey> found = surveys.byToken(token);
		if (found.isEmpty()) {
			return unusable(model, response, "en");
		}
		Survey survey = found.get();
		if (!surveys.answerable(survey)) {
			return closed(model, response, survey);
		}
		CsatOffer offer = surveys.offer(survey);
		Integer chosen = rating(rating);
		if (chosen != null && (chosen < 1 || chosen > 5)) {
			chosen = null;
		}
		model.addAttribute("autosubmit", chosen != null && saved == null && !chosen.equals(offer.rating()));
		model.addAttribute("chosen", chosen != null ? chosen : offer.rating());
		model.addAttribute("saved", saved);
		return page(model, survey, offer, token);
	}

	@PostMapping("/survey/{token}/rating")
	String rate(@PathVariable String token, @RequestParam(required = false) String rating, Model model,
			HttpServletResponse response) {
		return save(token, rating, null, true, model, response);
	}

	@PostMapping("/survey/{token}")
	String comment(@PathVariable String token, @RequestParam(required = false) String rating,
			@RequestParam(required = false) String comment, Model model, HttpServletResponse response) {
		return save(token, rating, comment == null ? "" : comment, false, model, response);
	}

	private String save(String token, String rating, String comment, boolean keepComment, Model model,
			HttpServletResponse response) {
		Optional<Survey> found = surveys.byToken(token);
		if (found.isEmpty()) {
			return unusable(model, response, "en");
		}
		Survey survey = found.get();
		try {
			surveys.rateByLink(survey.id(), rating(rating), comment, keepComment);
			return "redirect:/survey/" + token + "?saved=" + (keepComment ? "rating" : "comment");
		}
		catch (NotFoundException e) {
			return closed(model, response, survey);
		}
		catch (InvalidInputException e) {
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			model.addAttribute("error", e.field());
			model.addAttribute("autosubmit", false);
			model.addAttribute("chosen", rating(rating));
			model.addAttribute("typed", comment);
			return page(model, survey, surveys.offer(survey), token);
		}
	}

	private String page(Model model, Survey survey, CsatOffer offer, String token) {
		words(model, survey.language());
		model.addAttribute("offer", offer);
		model.addAttribute("token", token);
		model.addAttribute("lang", survey.language());
		model.addAttribute("labels", labels(survey.language()));
		model.addAttribute("expires", offer.expiresAt() == null ? "" : java.time.format.DateTimeFormatter
			.ofLocalizedDateTime(java.time.format.FormatStyle.MEDIUM, java.time.format.FormatStyle.SHORT)
			.withLocale(Locale.forLanguageTag(survey.language()))
			.format(offer.expiresAt().atZone(java.time.ZoneOffset.UTC)) + " UTC");
		return "surveys/csat-link";
	}

	private String unusable(Model model, HttpServletResponse response, String language) {
		response.setStatus(HttpServletResponse.SC_NOT_FOUND);
		words(model, language);
		model.addAttribute("lang", language);
		model.addAttribute("reason", "unusable");
		return "surveys/csat-link-closed";
	}

	private String closed(Model model, HttpServletResponse response, Survey survey) {
		response.setStatus(HttpServletResponse.SC_GONE);
		words(model, survey.language());
		model.addAttribute("lang", survey.language());
		model.addAttribute("reason", "closed");
		return "surveys/csat-link-closed";
	}

	private void words(Model model, String language) {
		Locale locale = Locale.forLanguageTag(language);
		Map<String, String> words = new LinkedHashMap<>();
		WORDS.forEach(word -> words.put(word, messages.getMessage("surveys.link." + word, null, locale)));
		model.addAttribute("w", words);
	}

	private Map<Integer, String> labels(String language) {
		Locale locale = Locale.forLanguageTag(language);
		Map<Integer, String> labels = new LinkedHashMap<>();
		for (int rating = 5; rating >= 1; rating--) {
			labels.put(rating, messages.getMessage("surveys.csat.rating." + rating, null, locale));
		}
		return labels;
	}

	/** A rating parameter as a number; anything else is no rating (and then refused as such on save). */
	static Integer rating(String value) {
		if (value == null || !value.strip().matches("-?\\d{1,3}")) {
			return null;
		}
		return Integer.valueOf(value.strip());
	}
}
