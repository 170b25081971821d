package io.rapport.channels.email.inbound;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.rapport.channels.email.MailIngest.IngestResult;
import io.rapport.channels.email.Mailbox;
import io.rapport.channels.email.Mailboxes;
import io.rapport.identity.AuthenticatedUser;
import io.rapport.identity.CurrentUser;
import io.rapport.shared.ForbiddenException;
import io.rapport.shared.NotFoundException;
import io.rapport.shared.web.FileDownloads;
import io.rapport.shared.web.PageForms;
import io.rapport.shared.web.WorkspacePage;
import io.rapport.tickets.TicketsApi;

import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The mail that did not become a ticket on its own: held (a loop or a flood), spam, and failed mail, each with
 * its sender, subject, date and reason, to release (processed now, past the rule that held it), delete or download
 * raw. Admins see all three under {@code /admin/mail/…}; agents review spam at {@code /mail/spam} (the issue gives
 * spam to agents), reached from the sidebar. The raw mail of a ticket's message ("Show original") is served to the
 * agents who may read that ticket.
 */
@Controller
@WorkspacePage
class InboundMailPages {

	static final int LIMIT = 200;

	private static final Map<String, InboundMail.Status> TABS = Map.of("held", InboundMail.Status.HELD, "spam",
			InboundMail.Status.SPAM, "failed", InboundMail.Status.FAILED);

	private final InboundMails mails;

	private final InboundPipeline pipeline;

	private final Mailboxes mailboxes;

	private final TicketsApi tickets;

	private final PageForms forms;

	InboundMailPages(InboundMails mails, InboundPipeline pipeline, Mailboxes mailboxes, TicketsApi tickets,
			PageForms forms) {
		this.mails = mails;
		this.pipeline = pipeline;
		this.mailboxes = mailboxes;
		this.tickets = tickets;
		this.forms = forms;
	}

	/** One row of a list, with its reason in the reader's language. */
	record Row(long id, String mailbox, String from, String subject, Instant receivedAt, String reason, int size) {
	}

	@GetMapping("/admin/mail/{tab:held|spam|failed}")
	String admin(@CurrentUser AuthenticatedUser user, @PathVariable String tab, Model model) {
		user.requireAdmin();
		return list(tab, true, model);
	}

	@GetMapping("/mail/spam")
	String spam(@CurrentUser AuthenticatedUser user, Model model) {
		user.requireAgent();
		return list("spam", false, model);
	}

	@PostMapping("/mail/inbound/{id}/release")
	String release(@CurrentUser AuthenticatedUser user, @PathVariable long id, RedirectAttributes redirect) {
		InboundMail mail = reviewable(user, id);
		IngestResult result = pipeline.process(id, true, false).orElseThrow();
		redirect.addFlashAttribute("notice",
				forms.message("inbound.released", forms.message("inbound.outcome." + result.outcome())));
		redirect.addFlashAttribute("releasedTicket", result.ticketId());
		return "redirect:" + back(user, mail);
	}

	@PostMapping("/mail/inbound/{id}/delete")
	String delete(@CurrentUser AuthenticatedUser user, @PathVariable long id, RedirectAttributes redirect) {
		InboundMail mail = reviewable(user, id);
		mails.delete(id);
		redirect.addFlashAttribute("notice", forms.message("inbound.deleted"));
		return "redirect:" + back(user, mail);
	}

	/**
	 * The raw mail as received ({@code .eml}): for admins, for agents reviewing spam, and for the agents who may
	 * read the ticket it became part of (checked by the tickets module, which answers 404 otherwise).
	 */
	@GetMapping("/mail/inbound/{id}/raw")
	ResponseEntity<byte[]> raw(@CurrentUser AuthenticatedUser user, @PathVariable long id) {
		user.requireAgent();
		InboundMail mail = mails.find(id).orElseThrow(() -> NotFoundException.of("errors.inbound.not-found", String.valueOf(id)));
		if (mail.ticketId() != null) {
			tickets.get(mail.ticketId(), user);
		}
		else if (mail.status() != InboundMail.Status.SPAM) {
			user.requireAdmin();
		}
		byte[] raw = mails.raw(id).orElseThrow(() -> NotFoundException.of("errors.inbound.not-found", String.valueOf(id)));
		return FileDownloads.attachment("mail-" + id + ".eml", "message/rfc822", raw);
	}

	private String list(String tab, boolean admin, Model model) {
		Map<Long, String> addresses = mailboxes.findAll().stream()
			.collect(Collectors.toMap(Mailbox::getId, Mailbox::getAddress));
		List<Row> rows = mails.listByStatus(TABS.get(tab), LIMIT).stream()
			.map(mail -> new Row(mail.id(), addresses.getOrDefault(mail.mailboxId(), "?"), mail.fromAddress(),
					mail.subject(), mail.receivedAt(), reason(mail), mail.size()))
			.toList();
		Map<String, Long> counts = new LinkedHashMap<>();
		for (String name : List.of("held", "spam", "failed")) {
			counts.put(name, admin || name.equals("spam") ? mails.countByStatus(TABS.get(name)) : 0);
		}
		model.addAttribute("rows", rows);
		model.addAttribute("tab", tab);
		model.addAttribute("admin", admin);
		model.addAttribute("counts", counts);
		model.addAttribute("limit", LIMIT);
		model.addAttribute("activeView", admin ? "admin:mail-inbound" : "mail:spam");
		return "channels/inbound-list";
	}

	private String reason(InboundMail mail) {
		String reason = mail.reason() == null ? "" : mail.reason();
		String words = reason.startsWith("inbound.reason.") ? forms.message(reason) : reason;
		return mail.status() == InboundMail.Status.FAILED && mail.attempts() >= InboundPipeline.MAX_ATTEMPTS
				? forms.message("inbound.reason.poison", String.valueOf(mail.attempts()), words) : words;
	}

	/** Spam is for every agent; held and failed mail for admins. Anything else is not in a list. */
	private InboundMail reviewable(AuthenticatedUser user, long id) {
		user.requireAgent();
		InboundMail mail = mails.find(id).orElseThrow(() -> NotFoundException.of("errors.inbound.not-found", String.valueOf(id)));
		if (!TABS.containsValue(mail.status())) {
			throw NotFoundException.of("errors.inbound.not-found", String.valueOf(id));
		}
		if (mail.status() != InboundMail.Status.SPAM && !user.isAdmin()) {
			throw ForbiddenException.of("errors.admin-only");
		}
		return mail;
	}

	private static String back(AuthenticatedUser user, InboundMail mail) {
		Function<InboundMail.Status, String> tab = status -> status.name().toLowerCase(Locale.ROOT);
		return user.isAdmin() ? "/admin/mail/" + tab.apply(mail.status()) : "/mail/spam";
	}
}
