package io.rapport.notifications.internal;

import java.util.List;

import io.rapport.identity.AgentView;
import io.rapport.identity.AuthenticatedUser;
import io.rapport.identity.CurrentUser;
import io.rapport.identity.IdentityApi;
import io.rapport.notifications.TicketFollowers;
import io.rapport.tickets.TicketsApi;
import io.rapport.shared.web.WorkspacePage;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The Follow button in the ticket page's header, and what it shows (who follows). Used as {@code @following}
 * by the fragment, which the ticket page includes without knowing about followers.
 */
@Controller("following")
@WorkspacePage
public class FollowButton {

	private final TicketFollowers followers;

	private final TicketsApi tickets;

	private final IdentityApi identity;

	FollowButton(TicketFollowers followers, TicketsApi tickets, IdentityApi identity) {
		this.followers = followers;
		this.tickets = tickets;
		this.identity = identity;
	}

	@PostMapping("/tickets/{id}/follow")
	String follow(@CurrentUser AuthenticatedUser user, @PathVariable long id,
			@RequestParam(defaultValue = "true") boolean follow,
			@RequestHeader(name = "HX-Request", required = false) String htmx, Model model) {
		tickets.get(id, user);
		if (follow) {
			followers.follow(id, user.id());
		}
		else {
			followers.unfollow(id, user.id());
		}
		if (htmx == null) {
			return "redirect:/tickets/" + id;
		}
		model.addAttribute("ticketId", id);
		return "notifications/follow :: follow";
	}

	/** Whether the signed-in agent follows the ticket, and the names of all who do. */
	public State of(long ticketId) {
		AuthenticatedUser user = AuthenticatedUser.current();
		List<String> names = followers.followers(ticketId).stream()
			.map(agentId -> identity.agent(agentId).map(AgentView::name).orElse("#" + agentId)).toList();
		return new State(user != null && followers.isFollowing(ticketId, user.id()), names);
	}

	public record State(boolean following, List<String> names) {

		public String joinedNames() {
			return String.join(", ", names);
		}
	}
}
