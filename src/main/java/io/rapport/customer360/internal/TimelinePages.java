package io.rapport.customer360.internal;

import io.rapport.accounts.AccountsApi;
import io.rapport.identity.AuthenticatedUser;
import io.rapport.identity.CurrentUser;
import io.rapport.shared.InvalidInputException;
import io.rapport.shared.NotFoundException;
import io.rapport.shared.web.WorkspacePage;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/**
 * The account timeline's pages for htmx: "Load more" asks for the entries before the last one shown, the kind
 * filter for the first page of one group. Without script the same links and form reload the account page.
 */
@Controller
@WorkspacePage
class TimelinePages {

	private final Customer360 customer360;

	private final AccountsApi accounts;

	TimelinePages(Customer360 customer360, AccountsApi accounts) {
		this.customer360 = customer360;
		this.accounts = accounts;
	}

	@GetMapping("/accounts/{id}/timeline")
	String page(@CurrentUser AuthenticatedUser user, @PathVariable long id,
			@RequestParam(required = false) String before, @RequestParam(required = false) String kind, Model model) {
		user.requireAgent();
		accounts.account(id).orElseThrow(() -> NotFoundException.of("errors.account.not-found", id));
		try {
			model.addAttribute("timeline", customer360.timeline(id, before, kind));
		}
		catch (InvalidInputException e) {
			// a hand-made link: answer 400 naming the parameter, not the workspace's error page for a 500
			throw new ResponseStatusException(HttpStatus.BAD_REQUEST, e.field() + ": " + e.getMessage(), e);
		}
		return before == null || before.isBlank() ? "customer360/fragments :: timeline-list"
				: "customer360/fragments :: timeline-more";
	}
}
