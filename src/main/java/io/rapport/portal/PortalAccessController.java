package io.rapport.portal;

import io.rapport.portal.Signups.EmailTaken;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Signing in and signing up. The sign-in form posts to Spring Security's {@code /login} with {@code origin=portal};
 * a sign-up that must verify its address gets a page saying where the link was sent.
 */
@Controller
@RequestMapping("/portal")
class PortalAccessController {

	private final Signups signups;

	private final PortalSignIn portalSignIn;

	PortalAccessController(Signups signups, PortalSignIn portalSignIn) {
		this.signups = signups;
		this.portalSignIn = portalSignIn;
	}

	@GetMapping("/login")
	String login() {
		return "portal/login";
	}

	@GetMapping("/signup")
	String signupForm(Model model) {
		model.addAttribute("portalSignup", SignupForm.empty());
		return "portal/signup";
	}

	@PostMapping("/signup")
	String signUp(@Valid @ModelAttribute("portalSignup") SignupForm form, BindingResult errors,
			HttpServletRequest request, HttpServletResponse response, Model model) {
		if (errors.hasErrors()) {
			FormErrors.oneMessagePerField(errors, model);
			return "portal/signup";
		}
		boolean mustVerify;
		try {
			mustVerify = signups.signUp(form.name(), form.email(), form.password(), PortalLanguage.current());
		}
		catch (EmailTaken | DataIntegrityViolationException e) {
			errors.rejectValue("email", "portal.signup.emailTaken");
			return "portal/signup";
		}
		if (mustVerify) {
			model.addAttribute("email", form.email().strip());
			return "portal/check-mail";
		}
		return portalSignIn.signIn(form.email(), form.password(), request, response) ? "redirect:/portal?welcome"
				: "redirect:/portal/login?signedUp";
	}

	/** A new verification link, offered by the sign-in page to an address still waiting for one. */
	@PostMapping("/verify/resend")
	String resendVerification(@RequestParam(defaultValue = "") String email) {
		if (!email.isBlank() && email.length() <= 254) {
			signups.resendVerification(email, PortalLanguage.current());
		}
		return "redirect:/portal/login?resent";
	}
}
