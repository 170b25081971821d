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
		return linkForm("verify", verifications.pending(token), token, model, response);
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
		return signInOrUnusable("verify", email, password, "redirect:/portal?welcome",
				"redirect:/portal/login?verified", model, request, response);
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
		return linkForm("reset", resets.pending(token), token, model, response);
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
		return signInOrUnusable("reset", email, password, "redirect:/portal?passwordReset", "redirect:/portal/login",
				model, request, response);
	}

	/** The page of a link (verify or reset) that is still usable, or the "link unusable" page. */
	private static String linkForm(String kind, Optional<Claim> claim, String token, Model model,
			HttpServletResponse response) {
		if (claim.isEmpty()) {
			return unusable(kind, model, response);
		}
		model.addAttribute("token", token);
		model.addAttribute("email", claim.get().email());
		return "portal/" + kind;
	}

	/** After a link was used: the customer is signed in, or asked to sign in, or told the link is unusable. */
	private String signInOrUnusable(String kind, Optional<String> email, String password, String signedIn,
			String notSignedIn, Model model, HttpServletRequest request, HttpServletResponse response) {
		if (email.isEmpty()) {
			return unusable(kind, model, response);
		}
		return portalSignIn.signIn(email.get(), password, request, response) ? signedIn : notSignedIn;
	}

	private static String unusable(String kind, Model model, HttpServletResponse response) {
		response.setStatus(HttpServletResponse.SC_GONE);
		model.addAttribute("kind", kind);
		return "portal/link-unusable";
	}
}
