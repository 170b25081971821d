package io.rapport.portal;

import java.util.Optional;

import io.rapport.identity.PortalTokens.Claim;
import io.rapport.portal.Verifications.WrongPassword;
import io.rapport.shared.InvalidInputException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The pages the portal's mailed links open: verifying an address after sign-up, and "forgot password" with the
 * reset link. Opening a link (GET) changes nothing, so a mail scanner that follows links uses none up; the form on
 * the page does. A link that expired, was used or never existed answers 410 with a page saying what to do.
 */
@Controller
@RequestMapping("/portal")
class PortalLinksController {

	private final Verifications verifications;

	private final PasswordResets resets;

	private final PortalSignIn portalSignIn;

	PortalLinksController(Verifications verifications, PasswordResets resets, PortalSignIn portalSignIn) {
		this.verifications = verifications;
		this.resets = resets;
		this.portalSignIn = portalSignIn;
	}

	@GetMapping("/verify/{token}")
	String verifyForm(@PathVariable String token, Model model, HttpServletResponse response) {
		Optional<Claim> claim = verifications.pending(token);
		if (claim.isEmpty()) {
			return unusable("verify", model, response);
		}
		model.addAttribute("token", token);
		model.addAttribute("email", claim.get().email());
		return "portal/verify";
	}

	@PostMapping("/verify/{token}")
	String verify(@PathVariable String token, @RequestParam(defaultValue = "") String password, Model model,
			HttpServletRequest request, HttpServletResponse response) {
		Optional<String> email;
		try {
			email = verifications.verify(token, password);
		}
		catch (WrongPassword e) {
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			model.addAttribute("passwordError", "portal.verify.wrongPassword");
			return verifyForm(token, model, response);
		}
		if (email.isEmpty()) {
			return unusable("verify", model, response);
		}
		return portalSignIn.signIn(email.get(), password, request, response) ? "redirect:/portal?welcome"
				: "redirect:/portal/login?verified";
	}

	@GetMapping("/forgot")
	String forgotForm() {
		return "portal/forgot";
	}

	/** The same answer for every address, known or not, within the limits or not. */
	@PostMapping("/forgot")
	String forgot(@RequestParam(defaultValue = "") String email, HttpServletRequest request, Model model) {
		resets.request(email, request.getRemoteAddr(), PortalLanguage.current());
		model.addAttribute("sent", true);
		return "portal/forgot";
	}

	@GetMapping("/reset/{token}")
	String resetForm(@PathVariable String token, Model model, HttpServletResponse response) {
		Optional<Claim> claim = resets.pending(token);
		if (claim.isEmpty()) {
			return unusable("reset", model, response);
		}
		model.addAttribute("token", token);
		model.addAttribute("email", claim.get().email());
		return "portal/reset";
	}

	@PostMapping("/reset/{token}")
	String reset(@PathVariable String token, @RequestParam(defaultValue = "") String password, Model model,
			HttpServletRequest request, HttpServletResponse response) {
		Optional<String> email;
		try {
			email = resets.reset(token, password);
		}
		catch (InvalidInputException e) {
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			model.addAttribute("passwordError", "portal.reset.passwordShort");
			return resetForm(token, model, response);
		}
		if (email.isEmpty()) {
			return unusable("reset", model, response);
		}
		return portalSignIn.signIn(email.get(), password, request, response) ? "redirect:/portal?passwordReset"
				: "redirect:/portal/login";
	}

	private static String unusable(String kind, Model model, HttpServletResponse response) {
		response.setStatus(HttpServletResponse.SC_GONE);
		model.addAttribute("kind", kind);
		return "portal/link-unusable";
	}
}
