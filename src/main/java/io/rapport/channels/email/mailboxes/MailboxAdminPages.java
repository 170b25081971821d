package io.rapport.channels.email.mailboxes;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.rapport.channels.email.Mailbox;
import io.rapport.channels.email.oauth.OAuthPresets;
import io.rapport.channels.email.imap.ImapPoller;
import io.rapport.channels.email.imap.PollResult;
import io.rapport.identity.AuthenticatedUser;
import io.rapport.identity.CurrentUser;
import io.rapport.identity.IdentityApi;
import io.rapport.shared.ConflictException;
import io.rapport.shared.InvalidInputException;
import io.rapport.shared.web.AdminLink;
import io.rapport.shared.web.PageForms;
import io.rapport.shared.web.WorkspacePage;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.annotation.Bean;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The admin pages of mailboxes: the list with each one's status, the form to create or change one, and the
 * actions beside it (test the connection, check mail now, rotate the push secret, delete).
 */
@Controller
@WorkspacePage
class MailboxAdminPages {

	static final String ACTIVE_VIEW = "admin:mailboxes";

	private final MailboxService service;

	private final MailboxViews views;

	private final ConnectionCheck check;

	private final ImapPoller poller;

	private final IdentityApi identity;

	private final PageForms forms;

	MailboxAdminPages(MailboxService service, MailboxViews views, ConnectionCheck check, ImapPoller poller,
			IdentityApi identity, PageForms forms) {
		this.service = service;
		this.views = views;
		this.check = check;
		this.poller = poller;
		this.identity = identity;
		this.forms = forms;
	}

	@Bean
	static AdminLink mailboxesAdminLink() {
		return new AdminLink("mailbox.admin.title", "mailbox.admin.subtitle", "/admin/mailboxes", ACTIVE_VIEW, 50);
	}

	@GetMapping("/admin/mailboxes")
	String list(@CurrentUser AuthenticatedUser user, Model model) {
		user.requireAdmin();
		model.addAttribute("mailboxes", service.all().stream().map(views::of).toList());
		model.addAttribute("activeView", ACTIVE_VIEW);
		return "channels/mailboxes";
	}

	@GetMapping("/admin/mailboxes/new")
	String newMailbox(@CurrentUser AuthenticatedUser user, Model model) {
		user.requireAdmin();
		return form(model, null, MailboxForm.blank(), Map.of());
	}

	@PostMapping("/admin/mailboxes")
	String create(@CurrentUser AuthenticatedUser user, @ModelAttribute MailboxForm form, Model model,
			RedirectAttributes redirect, HttpServletResponse response) {
		user.requireAdmin();
		Map<String, String> errors = new LinkedHashMap<>();
		MailboxRequest request = form.toRequest(forms, errors);
		if (errors.isEmpty()) {
			try {
				MailboxService.Created created = service.create(request);
				redirect.addFlashAttribute("notice", forms.message("mailbox.created", created.mailbox().getName()));
				redirect.addFlashAttribute("inboundSecret", created.inboundSecret());
				return "redirect:/admin/mailboxes/" + created.mailbox().getId();
			}
			catch (InvalidInputException e) {
				errors.put(MailboxForm.field(e.field()), forms.message(e));
			}
			catch (ConflictException e) {
				errors.put("address", forms.message(e));
			}
		}
		response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
		return form(model, null, form, errors);
	}

	@GetMapping("/admin/mailboxes/{id}")
	String edit(@CurrentUser AuthenticatedUser user, @PathVariable long id, Model model) {
		user.requireAdmin();
		MailboxView view = views.of(service.require(id));
		return form(model, view, MailboxForm.of(view), Map.of());
	}

	@PostMapping("/admin/mailboxes/{id}")
	String update(@CurrentUser AuthenticatedUser user, @PathVariable long id, @ModelAttribute MailboxForm form,
			Model model, RedirectAttributes redirect, HttpServletResponse response) {
		user.requireAdmin();
		MailboxView view = views.of(service.require(id));
		Map<String, String> errors = new LinkedHashMap<>();
		MailboxRequest request = form.toRequest(forms, errors);
		if (errors.isEmpty()) {
			try {
				Mailbox saved = service.update(id, request);
				redirect.addFlashAttribute("notice", forms.message("mailbox.saved", saved.getName()));
				return "redirect:/admin/mailboxes/" + id;
			}
			catch (InvalidInputException e) {
				errors.put(MailboxForm.field(e.field()), forms.message(e));
			}
			catch (ConflictException e) {
				errors.put("address", forms.message(e));
			}
		}
		response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
		return form(model, view, form, errors);
	}

	@PostMapping("/admin/mailboxes/{id}/test")
	String test(@CurrentUser AuthenticatedUser user, @PathVariable long id, Model model) {
		user.requireAdmin();
		Mailbox mailbox = service.require(id);
		model.addAttribute("report", check.check(mailbox));
		MailboxView view = views.of(mailbox);
		return form(model, view, MailboxForm.of(view), Map.of());
	}

	@PostMapping("/admin/mailboxes/{id}/poll")
	String poll(@CurrentUser AuthenticatedUser user, @PathVariable long id, RedirectAttributes redirect) {
		user.requireAdmin();
		service.require(id);
		PollResult result = poller.pollNow(id);
		redirect.addFlashAttribute(result.error() == null ? "notice" : "problem", result.error() == null
				? forms.message("mailbox.poll.done", result.found(), result.imported(), result.failed())
				: forms.message("mailbox.poll.error", result.error()));
		return "redirect:/admin/mailboxes/" + id;
	}

	@PostMapping("/admin/mailboxes/{id}/inbound-secret")
	String rotate(@CurrentUser AuthenticatedUser user, @PathVariable long id, RedirectAttributes redirect) {
		user.requireAdmin();
		MailboxService.Created rotated = service.rotateSecret(id);
		redirect.addFlashAttribute("notice", forms.message("mailbox.push.rotated"));
		redirect.addFlashAttribute("inboundSecret", rotated.inboundSecret());
		return "redirect:/admin/mailboxes/" + id;
	}

	@PostMapping("/admin/mailboxes/{id}/delete")
	String delete(@CurrentUser AuthenticatedUser user, @PathVariable long id, RedirectAttributes redirect) {
		user.requireAdmin();
		String name = service.require(id).getName();
		boolean deleted = service.delete(id);
		redirect.addFlashAttribute("notice", forms.message(deleted ? "mailbox.deleted" : "mailbox.deactivated", name));
		return "redirect:/admin/mailboxes";
	}

	private String form(Model model, MailboxView mailbox, MailboxForm form, Map<String, String> errors) {
		model.addAttribute("mailbox", mailbox);
		model.addAttribute("form", form);
		model.addAttribute("errors", errors);
		model.addAttribute("groups", identity.groups());
		model.addAttribute("securities", Mailbox.Security.values());
		model.addAttribute("auths", List.of("PASSWORD", "XOAUTH2", MailboxForm.REFRESHING));
		model.addAttribute("smtpAuths", List.of("PASSWORD", MailboxForm.REFRESHING));
		model.addAttribute("oauthPresets", OAuthPresets.all());
		model.addAttribute("afters", Mailbox.AfterImport.values());
		model.addAttribute("activeView", ACTIVE_VIEW);
		return "channels/mailbox-form";
	}
}
