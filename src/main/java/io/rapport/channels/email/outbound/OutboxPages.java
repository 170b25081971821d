package io.rapport.channels.email.outbound;

import io.rapport.identity.AuthenticatedUser;
import io.rapport.identity.CurrentUser;
import io.rapport.shared.NotFoundException;
import io.rapport.shared.web.AdminLink;
import io.rapport.shared.web.PageForms;
import io.rapport.shared.web.WorkspacePage;
import io.rapport.tickets.TicketsApi;

import org.springframework.context.annotation.Bean;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Where people see what became of the mail: the admins' outbox page (the newest mail with its state, the server's
 * answer and a retry), and the "Retry" button under a mailed message on the ticket page, for agents who may see
 * that ticket.
 */
@Controller
@WorkspacePage
class OutboxPages {

	static final int SHOWN = 100;

	private final Outbox outbox;

	private final OutboxMail mail;

	private final TicketsApi tickets;

	private final PageForms forms;

	OutboxPages(Outbox outbox, OutboxMail mail, TicketsApi tickets, PageForms forms) {
		this.outbox = outbox;
		this.mail = mail;
		this.tickets = tickets;
		this.forms = forms;
	}

	@Bean
	static AdminLink outboxAdminLink() {
		return new AdminLink("outbound.outbox.title", "outbound.outbox.subtitle", "/admin/mail/outbox",
				"admin:outbox", 62);
	}

	@Bean
	static AdminLink mailTemplatesAdminLink() {
		return new AdminLink("outbound.templates.title", "outbound.templates.subtitle", "/admin/mail/templates",
				"admin:mail-templates", 64);
	}

	@GetMapping("/admin/mail/outbox")
	String list(@CurrentUser AuthenticatedUser user, @RequestParam(required = false) String status, Model model) {
		user.requireAdmin();
		String asked = status == null ? "" : status.strip().toUpperCase(java.util.Locale.ROOT);
		String chosen = java.util.Arrays.stream(OutboundMail.Status.values()).map(Enum::name).filter(asked::equals)
			.findFirst().orElse(null);
		model.addAttribute("mails", outbox.recent(chosen, SHOWN));
		model.addAttribute("status", chosen);
		model.addAttribute("statuses", OutboundMail.Status.values());
		model.addAttribute("activeView", "admin:outbox");
		return "channels/outbound-outbox";
	}

	@PostMapping("/admin/mail/outbox/{id}/retry")
	String retry(@CurrentUser AuthenticatedUser user, @PathVariable long id, RedirectAttributes redirect) {
		user.requireAdmin();
		requeue(id);
		redirect.addFlashAttribute("notice", forms.message("outbound.retry.done"));
		return "redirect:/admin/mail/outbox";
	}

	@PostMapping("/tickets/{ticketId}/mails/{id}/retry")
	String retryOnTicket(@CurrentUser AuthenticatedUser user, @PathVariable long ticketId, @PathVariable long id,
			RedirectAttributes redirect) {
		user.requireAgent();
		tickets.get(ticketId, user);
		OutboundMail row = outbox.find(id).filter(m -> Long.valueOf(ticketId).equals(m.ticketId()))
			.orElseThrow(() -> NotFoundException.of("errors.mail.outbox-not-found", id));
		requeue(row.id());
		redirect.addFlashAttribute("notice", forms.message("outbound.retry.done"));
		return "redirect:/tickets/" + ticketId;
	}

	private void requeue(long id) {
		if (outbox.find(id).isEmpty()) {
			throw NotFoundException.of("errors.mail.outbox-not-found", id);
		}
		if (!mail.retry(id)) {
			throw io.rapport.shared.ConflictException.of("errors.mail.retry-not-failed", id);
		}
	}
}
