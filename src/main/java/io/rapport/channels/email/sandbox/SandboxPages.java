package io.rapport.channels.email.sandbox;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.rapport.accounts.AccountsApi;
import io.rapport.identity.AuthenticatedUser;
import io.rapport.identity.CurrentUser;
import io.rapport.shared.InvalidInputException;
import io.rapport.shared.web.AdminLink;
import io.rapport.shared.web.PageForms;
import io.rapport.shared.web.WorkspacePage;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The "Mail sandbox" admin page: write a mail as any customer (it reaches Rapport through the sandbox's SMTP and
 * the support mailbox's IMAP polling, as a real mail would) and read every mail Rapport sent, with its headers.
 */
@Controller
@WorkspacePage
@SandboxEnabled
class SandboxPages {

	static final List<String> LANGUAGES = List.of("en", "zh", "ro", "ta", "eo");

	private final SandboxComposer composer;

	private final SentMails sent;

	private final MailSandbox sandbox;

	private final AccountsApi accounts;

	private final PageForms forms;

	SandboxPages(SandboxComposer composer, SentMails sent, MailSandbox sandbox, AccountsApi accounts, PageForms forms) {
		this.composer = composer;
		this.sent = sent;
		this.sandbox = sandbox;
		this.accounts = accounts;
		this.forms = forms;
	}

	@GetMapping("/admin/mail-sandbox")
	String show(@CurrentUser AuthenticatedUser user, Model model) {
		user.requireAdmin();
		return page(SandboxDraft.empty(), Map.of(), model);
	}

	@PostMapping("/admin/mail-sandbox")
	String send(@CurrentUser AuthenticatedUser user, @ModelAttribute SandboxDraft form,
			@RequestParam(required = false) List<MultipartFile> attachments, Model model, RedirectAttributes redirect,
			HttpServletResponse response) {
		user.requireAdmin();
		SandboxDraft draft = form.withFiles(attachments);
		try {
			composer.send(draft);
		}
		catch (InvalidInputException e) {
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			Map<String, String> errors = new LinkedHashMap<>();
			errors.put(PageForms.field(e.field(), "body", "contactId", "address", "subject", "body", "replyTo"),
					forms.message(e));
			return page(draft, errors, model);
		}
		redirect.addFlashAttribute("notice", forms.message("sandbox.notice.sent", String.valueOf(SandboxMailbox.POLL_SECONDS)));
		return "redirect:/admin/mail-sandbox";
	}

	private String page(SandboxDraft draft, Map<String, String> errors, Model model) {
		model.addAttribute("draft", draft);
		model.addAttribute("errors", errors);
		model.addAttribute("contacts", accounts.searchContacts("", 0, 100).items());
		model.addAttribute("languages", LANGUAGES);
		model.addAttribute("sent", sent.newestFirst());
		model.addAttribute("address", MailSandbox.ADDRESS);
		model.addAttribute("smtpPort", String.valueOf(sandbox.smtpPort()));
		model.addAttribute("imapPort", String.valueOf(sandbox.imapPort()));
		model.addAttribute("activeView", "admin:mail-sandbox");
		return "channels/sandbox";
	}

	/** The page's tile and sidebar entry in the admin area. */
	@Configuration(proxyBeanMethods = false)
	@SandboxEnabled
	static class Navigation {

		@Bean
		AdminLink mailSandboxAdminLink() {
			return new AdminLink("sandbox.title", "sandbox.subtitle", "/admin/mail-sandbox", "admin:mail-sandbox", 80);
		}
	}
}
