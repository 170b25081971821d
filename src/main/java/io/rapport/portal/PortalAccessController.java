package io.rapport.portal;

import io.rapport.portal.Signups.EmailTaken;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.security.web.csrf.CsrfTokenRepository;
import org.springframework.security.web.csrf.HttpSessionCsrfTokenRepository;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;

/** Signing in and signing up. The sign-in form posts to Spring Security's {@code /login} with {@code origin=portal}. */
@Controller
@RequestMapping("/portal")
class PortalAccessController {

	private static final Logger log = LoggerFactory.getLogger(PortalAccessController.class);

	private final Signups signups;

	private final AuthenticationManager authenticationManager;

	private final SecurityContextRepository contexts = new HttpSessionSecurityContextRepository();

	private final CsrfTokenRepository csrfTokens = new HttpSessionCsrfTokenRepository();

	PortalAccessController(Signups signups, AuthenticationManager authenticationManager) {
		this.signups = signups;
		this.authenticationManager = authenticationManager;
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
		try {
			signups.signUp(form.name(), form.email(), form.password());
		}
		catch (EmailTaken | DataIntegrityViolationException e) {
			errors.rejectValue("email", "portal.signup.emailTaken");
			return "portal/signup";
		}
		return signIn(form, request, response) ? "redirect:/portal?welcome" : "redirect:/portal/login?signedUp";
	}

	/**
	 * Signs the new customer in as the login form would have: a new session id and a new CSRF token, so nothing
	 * issued before sign-in carries over.
	 */
	private boolean signIn(SignupForm form, HttpServletRequest request, HttpServletResponse response) {
		try {
			Authentication authentication = authenticationManager
				.authenticate(UsernamePasswordAuthenticationToken.unauthenticated(form.email().strip(), form.password()));
			request.getSession();
			request.changeSessionId();
			csrfTokens.saveToken(null, request, response);
			SecurityContext context = SecurityContextHolder.createEmptyContext();
			context.setAuthentication(authentication);
			SecurityContextHolder.setContext(context);
			contexts.saveContext(context, request, response);
			return true;
		}
		catch (AuthenticationException e) {
			log.warn("A new portal account could not sign in at once: {}", e.getMessage());
			return false;
		}
	}
}
