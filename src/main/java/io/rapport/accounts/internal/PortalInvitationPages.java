package io.rapport.accounts.internal;

import java.util.ArrayList;
import java.util.List;

import io.rapport.accounts.AccountView;
import io.rapport.accounts.AccountsApi;
import io.rapport.accounts.ContactView;
import io.rapport.identity.AuthenticatedUser;
import io.rapport.identity.CurrentUser;
import io.rapport.identity.IdentityApi;
import io.rapport.identity.PortalInvitations;
import io.rapport.shared.ConflictException;
import io.rapport.shared.NotFoundException;
import io.rapport.shared.RapportProperties;
import io.rapport.shared.web.PageForms;
import io.rapport.shared.web.WorkspacePage;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * Agents and admins invite a contact, or every contact of an account who cannot sign in yet, to the portal. The
 * links are mailed when mail can be sent, and shown once, to copy.
 */
@Controller
@WorkspacePage
class PortalInvitationPages {

	private final AccountsApi accounts;

	private final IdentityApi identity;

	private final PortalInvitations invitations;

	private final PageForms forms;

	private final RapportProperties properties;

	PortalInvitationPages(AccountsApi accounts, IdentityApi identity, PortalInvitations invitations,
			PageForms forms, RapportProperties properties) {
		this.accounts = accounts;
		this.identity = identity;
		this.invitations = invitations;
		this.forms = forms;
		this.properties = properties;
	}

	@PostMapping("/contacts/{id}/invitation")
	String inviteContact(@CurrentUser AuthenticatedUser user, @PathVariable long id, Model model) {
		user.requireAgent();
		ContactView contact = accounts.contact(id).orElseThrow(() -> NotFoundException.of("errors.contact.not-found", id));
		String back = contact.accountId() != null ? "/accounts/" + contact.accountId()
				: user.isAdmin() ? "/admin/contacts/" + id : "/tickets?view=search&requester=" + id;
		return show(List.of(contact), false, user, model, back, contact.displayName());
	}

	/** Every contact of the account who cannot sign in yet; those who can keep their password. */
	@PostMapping("/accounts/{id}/invitations")
	String inviteAccount(@CurrentUser AuthenticatedUser user, @PathVariable long id, Model model) {
		user.requireAgent();
		AccountView account = accounts.account(id).orElseThrow(() -> NotFoundException.of("errors.account.not-found", id));
		return show(accounts.contactsOf(id), true, user, model, "/accounts/" + id, account.name());
	}

	private String show(List<ContactView> contacts, boolean skipMembers, AuthenticatedUser user, Model model,
			String back, String backLabel) {
		String base = linkBase();
		List<Link> issued = new ArrayList<>();
		List<String> refused = new ArrayList<>();
		int skipped = 0;
		for (ContactView contact : contacts) {
			if (skipMembers && identity.hasPortalLogin(contact.id())) {
				skipped++;
				continue;
			}
			try {
				PortalInvitations.Issued invitation = invitations.invite(contact.id(), contact.email(),
						contact.displayName(), user);
				issued.add(new Link(contact.name(), contact.email(), base + invitation.token(), invitation.sent()));
			}
			catch (ConflictException e) {
				refused.add(forms.message(e));
			}
		}
		model.addAttribute("issued", issued);
		model.addAttribute("refused", refused);
		model.addAttribute("skipped", skipped);
		model.addAttribute("validDays", PortalInvitations.VALID_FOR.toDays());
		model.addAttribute("back", back);
		model.addAttribute("backLabel", backLabel);
		return "admin/invitations";
	}

	/** The configured public address when there is one, so a link never carries a Host header someone sent. */
	private String linkBase() {
		String root = properties.baseUrl() != null ? properties.baseUrl().replaceAll("/+$", "")
				: ServletUriComponentsBuilder.fromCurrentContextPath().toUriString();
		return root + "/portal/invitation/";
	}

	record Link(String name, String email, String link, boolean sent) {
	}
}
