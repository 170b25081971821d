package io.rapport.tickets.internal;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.rapport.identity.AuthenticatedUser;
import io.rapport.identity.CurrentUser;
import io.rapport.identity.IdentityApi;
import io.rapport.shared.ConflictException;
import io.rapport.shared.InvalidInputException;
import io.rapport.shared.web.PageForms;
import io.rapport.shared.web.WorkspacePage;
import io.rapport.tickets.NewMessage;
import io.rapport.tickets.TicketPriority;
import io.rapport.tickets.TicketStatus;
import io.rapport.tickets.TicketType;
import io.rapport.tickets.TicketUpdate;
import io.rapport.tickets.TicketsApi;
import io.rapport.tickets.Visibility;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The ticket page: conversation, reply, properties and escalation. Every action answers an htmx request with the
 * re-rendered workspace fragment and a plain form post with a redirect (or the page with the errors beside their
 * fields), so the page works with and without JavaScript.
 */
@Controller
@WorkspacePage
class TicketPage {

	private final TicketsApi tickets;

	private final IdentityApi identity;

	private final TicketWorkspace workspace;

	private final PageForms forms;

	TicketPage(TicketsApi tickets, IdentityApi identity, TicketWorkspace workspace, PageForms forms) {
		this.tickets = tickets;
		this.identity = identity;
		this.workspace = workspace;
		this.forms = forms;
	}

	@GetMapping("/tickets/{id}")
	String show(@CurrentUser AuthenticatedUser user, @PathVariable long id,
			@RequestParam(required = false) String view, @RequestParam(required = false) String group,
			@RequestParam(required = false) Long remoteImages, Model model) {
		workspace.fill(model, id, user, TicketQueue.of(view, group, null, user, identity), remoteImages);
		return "tickets/show";
	}

	@PostMapping("/tickets/{id}/messages")
	String reply(@CurrentUser AuthenticatedUser user, @PathVariable long id, @RequestParam(required = false) String body,
			@RequestParam(required = false) String visibility, @RequestParam(required = false) String submitAs,
			@RequestParam(name = "files", required = false) List<MultipartFile> files,
			@RequestParam(required = false) String view, @RequestParam(required = false) String group,
			@RequestHeader(name = "HX-Request", required = false) String htmx, Model model,
			HttpServletResponse response) throws IOException {
		Map<String, String> errors = new LinkedHashMap<>();
		Visibility kind = "INTERNAL".equals(visibility) ? Visibility.INTERNAL : Visibility.PUBLIC;
		TicketStatus status = forms.parse(TicketStatus.class, submitAs, "submitAs", errors);
		if (body == null || body.isBlank()) {
			errors.put("body", forms.message("reply.error.blank"));
		}
		else if (body.length() > 100_000) {
			errors.put("body", forms.message("reply.error.long"));
		}
		if (errors.isEmpty()) {
			try {
				tickets.reply(id, new NewMessage(body, kind, NewMessage.BodyFormat.TEXT),
						TicketsRestController.uploads(files), status, user);
			}
			catch (InvalidInputException e) {
				errors.put(PageForms.field(e.field(), "reply", "body", "files", "submitAs"), forms.message(e));
			}
			catch (ConflictException e) {
				errors.put("reply", forms.message(e));
			}
		}
		if (!errors.isEmpty()) {
			model.addAttribute("replyDraft", body);
			model.addAttribute("replyVisibility", kind);
		}
		return respond(id, user, view, group, htmx, errors, "reply.sent", model, response);
	}

	@PostMapping("/tickets/{id}")
	String update(@CurrentUser AuthenticatedUser user, @PathVariable long id,
			@RequestParam(required = false) String status, @RequestParam(required = false) String priority,
			@RequestParam(required = false) String type, @RequestParam(required = false) String assignee,
			@RequestParam(required = false) String tags, @RequestParam(required = false) String ccs,
			@RequestParam(required = false) String version,
			@RequestParam(required = false) String view, @RequestParam(required = false) String group,
			@RequestHeader(name = "HX-Request", required = false) String htmx, Model model,
			HttpServletResponse response) {
		Map<String, String> errors = new LinkedHashMap<>();
		TicketUpdate update = new TicketUpdate(forms.parse(TicketStatus.class, status, "status", errors),
				forms.parse(TicketPriority.class, priority, "priority", errors),
				forms.parse(TicketType.class, type, "type", errors),
				assignee == null || assignee.isBlank() ? null : forms.parseLong(assignee, "assignee", errors),
				assignee != null && assignee.isBlank(), tags == null ? null : Tags.split(tags),
				forms.parseLong(version, "properties", errors), ccs == null ? null : Participants.split(ccs));
		if (errors.isEmpty() && update.version() != tickets.get(id, user).version()) {
			errors.put("conflict", forms.message("ticket.conflict"));
		}
		if (errors.isEmpty()) {
			try {
				tickets.update(id, update, user);
			}
			catch (InvalidInputException e) {
				errors.put(PageForms.field(e.field(), "properties", "status", "priority", "type", "assignee", "tags",
						"ccs"),
						forms.message(e));
			}
			catch (ConflictException e) {
				putConflict(errors, e, id, update.version(), user);
			}
		}
		return respond(id, user, view, group, htmx, errors, "ticket.saved", model, response);
	}

	@PostMapping("/tickets/{id}/escalations")
	String escalate(@CurrentUser AuthenticatedUser user, @PathVariable long id,
			@RequestParam(required = false) String to, @RequestParam(required = false) String reason,
			@RequestParam(required = false) String view, @RequestParam(required = false) String group,
			@RequestHeader(name = "HX-Request", required = false) String htmx, Model model,
			HttpServletResponse response) {
		Map<String, String> errors = new LinkedHashMap<>();
		if (to == null || to.isBlank()) {
			errors.put("to", forms.message("escalation.error.to"));
		}
		if (reason == null || reason.isBlank()) {
			errors.put("reason", forms.message("escalation.error.reason"));
		}
		else if (reason.length() > 2000) {
			errors.put("reason", forms.message("escalation.error.long"));
		}
		if (errors.isEmpty()) {
			try {
				tickets.escalate(id, to, reason, user);
			}
			catch (InvalidInputException e) {
				errors.put(PageForms.field(e.field(), "escalation", "to", "reason"), forms.message(e));
			}
			catch (ConflictException e) {
				errors.put("escalation", forms.message(e));
			}
		}
		if (!errors.isEmpty()) {
			model.addAttribute("escalationTo", to);
			model.addAttribute("escalationReason", reason);
		}
		return respond(id, user, view, group, htmx, errors, "escalation.done", model, response);
	}

	/** The page-side twin of the API's download: same headers, so a file never renders in our origin. */
	@GetMapping("/attachments/{id}")
	ResponseEntity<byte[]> attachment(@CurrentUser AuthenticatedUser user, @PathVariable long id) {
		return TicketsRestController.download(tickets.attachment(id, user));
	}

	private String respond(long id, AuthenticatedUser user, String view, String group, String htmx,
			Map<String, String> errors, String notice, Model model, HttpServletResponse response) {
		TicketQueue queue = TicketQueue.of(view, group, null, user, identity);
		if (errors.isEmpty() && htmx == null) {
			return "redirect:" + UriComponentsBuilder.fromPath("/tickets/" + id)
				.queryParamIfPresent("view", java.util.Optional.ofNullable(queue.view()))
				.queryParamIfPresent("group", java.util.Optional.ofNullable(queue.group()))
				.encode().build().toUriString();
		}
		if (!errors.isEmpty()) {
			response.setStatus(errors.containsKey("conflict") ? HttpServletResponse.SC_CONFLICT
					: HttpServletResponse.SC_BAD_REQUEST);
		}
		else {
			model.addAttribute("notice", forms.message(notice));
		}
		model.addAttribute("errors", errors);
		workspace.fill(model, id, user, queue);
		return htmx == null ? "tickets/show" : "tickets/show :: htmx-response";
	}

	/**
	 * A save that lost a race with another agent's (the service's {@link ConcurrentTicketChange}, or the version it
	 * read itself no longer matching) is the conflict message with a reload link and a 409; any other conflict
	 * (a closed ticket) stays beside the properties.
	 */
	private void putConflict(Map<String, String> errors, ConflictException e, long id, Long read,
			AuthenticatedUser user) {
		if (e instanceof ConcurrentTicketChange || !read.equals(tickets.get(id, user).version())) {
			errors.put("conflict", forms.message("ticket.conflict"));
		}
		else {
			errors.put("properties", forms.message(e));
		}
	}
}
