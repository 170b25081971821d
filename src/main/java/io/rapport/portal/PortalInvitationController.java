package io.rapport.portal;

import io.rapport.identity.PortalInvitations;
import io.rapport.identity.PortalInvitations.Lookup;
import io.rapport.identity.PortalInvitations.State;
import io.rapport.identity.PortalInvitations.Unusable;
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
 * The page an invitation link opens: the contact chooses a password and is signed in. A link that was used,
 * replaced by a newer one, expired or never existed gets a page saying so and what to do, with status 410 or 404.
 */
@Controller
@RequestMapping("/portal/invitation")
class PortalInvitationController {

	private final PortalInvitations invitations;

	private final PortalSignIn portalSignIn;

	PortalInvitationController(PortalInvitations invitations, PortalSignIn portalSignIn) {
		this.invitations = invitations;
		this.portalSignIn = portalSignIn;
	}

	@GetMapping("/{token}")
	String show(@PathVariable String token, Model model, HttpServletResponse response) {
		Lookup lookup = invitations.lookup(token);
		if (lookup.state() != State.PENDING) {
			return unusable(lookup.state(), model, response);
		}
		model.addAttribute("token", token);
		model.addAttribute("invitation", lookup);
		return "portal/invitation";
	}

	@PostMapping("/{token}")
	String accept(@PathVariable String token, @RequestParam(required = false) String password, Model model,
			HttpServletRequest request, HttpServletResponse response) {
		try {
			String email = invitations.accept(token, password);
			return portalSignIn.signIn(email, password, request, response) ? "redirect:/portal?welcome"
					: "redirect:/portal/login";
		}
		catch (Unusable e) {
			return unusable(e.state(), model, response);
		}
		catch (InvalidInputException e) {
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			model.addAttribute("token", token);
			model.addAttribute("invitation", invitations.lookup(token));
			model.addAttribute("passwordError", "portal.invitation.passwordShort");
			return "portal/invitation";
		}
	}

	private static String unusable(State state, Model model, HttpServletResponse response) {
		response.setStatus(state == State.UNKNOWN ? HttpServletResponse.SC_NOT_FOUND : HttpServletResponse.SC_GONE);
		model.addAttribute("reason", state.name().toLowerCase(java.util.Locale.ROOT));
		return "portal/invitation-unusable";
	}
}
