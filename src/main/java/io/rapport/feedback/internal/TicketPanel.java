package io.rapport.feedback.internal;

import java.util.List;

import io.rapport.feedback.FeedbackApi;
import io.rapport.feedback.FeedbackApi.NewTopic;
import io.rapport.feedback.FeedbackApi.Suggestion;
import io.rapport.feedback.FeedbackApi.TopicView;
import io.rapport.identity.AuthenticatedUser;
import io.rapport.identity.CurrentUser;
import io.rapport.shared.InvalidInputException;
import io.rapport.shared.TranslatableException;
import io.rapport.shared.web.PageForms;
import io.rapport.shared.web.WorkspacePage;
import io.rapport.tickets.TicketView;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The product feedback panel of the ticket page (fragment {@code feedback/fragments :: panel(ticket)}): for a
 * feature request or complaint, its topic, or the topics suggested by its words, a list of every topic, and a form
 * to start one from the ticket. The template asks {@code @feedbackPanel.of(ticket)}; the forms post here and come
 * back to the ticket.
 */
@Controller("feedbackPanel")
@WorkspacePage
public class TicketPanel {

	static final int SUGGESTIONS = 5;

	private final FeedbackApi feedback;

	private final TopicBook topics;

	private final PageForms forms;

	TicketPanel(FeedbackApi feedback, TopicBook topics, PageForms forms) {
		this.feedback = feedback;
		this.topics = topics;
		this.forms = forms;
	}

	/** What the panel shows for this ticket, to the agent reading it; {@code applicable} false hides the panel. */
	public Panel of(TicketView ticket) {
		AuthenticatedUser user = AuthenticatedUser.current();
		if (ticket == null || user == null || !user.isAgent() || ticket.type() == null
				|| !FeedbackApi.KINDS.contains(ticket.type())) {
			return new Panel(false, null, List.of(), List.of());
		}
		TopicView linked = feedback.topicOf(ticket.id(), user).orElse(null);
		List<Suggestion> suggested = feedback.suggest(ticket.id(), SUGGESTIONS, user).stream()
			.filter(s -> linked == null || s.topic().id() != linked.id()).toList();
		return new Panel(true, linked, suggested, topics.all());
	}

	public record Panel(boolean applicable, TopicView linked, List<Suggestion> suggestions, List<TopicView> topics) {
	}

	@PostMapping("/feedback/tickets/{ticketId}/link")
	String link(@CurrentUser AuthenticatedUser user, @PathVariable long ticketId,
			@RequestParam(required = false) String topicId, RedirectAttributes redirect) {
		try {
			long id = topic(topicId);
			feedback.link(ticketId, id, user);
			redirect.addFlashAttribute("feedbackNotice",
					forms.message("feedback.panel.linked", feedback.topic(id, user).title()));
		}
		catch (TranslatableException e) {
			redirect.addFlashAttribute("feedbackError", forms.message(e));
		}
		return "redirect:/tickets/" + ticketId;
	}

	private static long topic(String value) {
		try {
			return Long.parseLong(value == null ? "" : value.strip());
		}
		catch (NumberFormatException e) {
			throw InvalidInputException.of("topicId", "errors.feedback.topic-required");
		}
	}

	@PostMapping("/feedback/tickets/{ticketId}/start")
	String start(@CurrentUser AuthenticatedUser user, @PathVariable long ticketId,
			@RequestParam(defaultValue = "") String title, @RequestParam(defaultValue = "") String description,
			RedirectAttributes redirect) {
		try {
			TopicView topic = feedback.startFrom(ticketId, new NewTopic(title, description), user);
			redirect.addFlashAttribute("feedbackNotice", forms.message("feedback.panel.linked", topic.title()));
		}
		catch (TranslatableException e) {
			redirect.addFlashAttribute("feedbackError", forms.message(e));
		}
		return "redirect:/tickets/" + ticketId;
	}

	@PostMapping("/feedback/tickets/{ticketId}/unlink")
	String unlink(@CurrentUser AuthenticatedUser user, @PathVariable long ticketId, RedirectAttributes redirect) {
		try {
			feedback.unlink(ticketId, user);
			redirect.addFlashAttribute("feedbackNotice", forms.message("feedback.panel.unlinked"));
		}
		catch (TranslatableException e) {
			redirect.addFlashAttribute("feedbackError", forms.message(e));
		}
		return "redirect:/tickets/" + ticketId;
	}
}
