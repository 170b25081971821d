package io.rapport.surveys.csat;

import io.rapport.identity.AuthenticatedUser;
import io.rapport.identity.CurrentUser;
import io.rapport.shared.InvalidInputException;
import io.rapport.surveys.CsatSurveys;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The survey form on the portal's ticket page ({@code surveys/fragments :: portal}): the signed-in requester rates
 * their solved ticket and comments, under the same rule as the mailed link.
 */
@Controller
class CsatPortalPages {

	private final CsatSurveys surveys;

	CsatPortalPages(CsatSurveys surveys) {
		this.surveys = surveys;
	}

	@PostMapping("/portal/tickets/{id}/satisfaction")
	String rate(@CurrentUser AuthenticatedUser user, @PathVariable long id,
			@RequestParam(required = false) String rating, @RequestParam(required = false) String comment,
			jakarta.servlet.http.HttpServletResponse response) {
		try {
			surveys.rate(id, CsatLinkPages.rating(rating), comment == null ? "" : comment, user);
			return "redirect:/portal/tickets/" + id + "?rated#csat";
		}
		catch (InvalidInputException e) {
			return "redirect:/portal/tickets/" + id + "?csatInvalid=" + e.field() + "#csat";
		}
		catch (io.rapport.shared.NotFoundException e) {
			// another customer's ticket, or one without an open survey: the portal's "not found", as for any ticket
			response.setStatus(jakarta.servlet.http.HttpServletResponse.SC_NOT_FOUND);
			return "portal/not-found";
		}
	}
}
