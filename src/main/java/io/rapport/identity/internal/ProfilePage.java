package io.rapport.identity.internal;

import java.util.LinkedHashMap;
import java.util.Map;

import io.rapport.identity.AuthenticatedUser;
import io.rapport.identity.CurrentUser;
import io.rapport.shared.InvalidInputException;
import io.rapport.shared.web.PageForms;
import io.rapport.shared.web.WorkspacePage;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * An agent's own page, from the top bar: name, language and time zone; password; personal API tokens, minted
 * (shown once, to copy) and revoked here as through the API.
 */
@Controller
@WorkspacePage
class ProfilePage {

	private final AgentProfiles profiles;

	private final TokenService tokens;

	private final ApiTokens apiTokens;

	private final PageForms forms;

	private final SecurityContextRepository contexts = new HttpSessionSecurityContextRepository();

	ProfilePage(AgentProfiles profiles, TokenService tokens, ApiTokens apiTokens, PageForms forms) {
		this.profiles = profiles;
		this.tokens = tokens;
		this.apiTokens = apiTokens;
		this.forms = forms;
	}

	@GetMapping("/profile")
	String show(@CurrentUser AuthenticatedUser user, Model model) {
		user.requireAgent();
		Agent agent = profiles.agent(user.id());
		return page(user, agent.getName(), agent.getLanguage(), agent.getTimeZone(), new LinkedHashMap<>(), model);
	}

	@PostMapping("/profile")
	String update(@CurrentUser AuthenticatedUser user, @RequestParam(required = false) String name,
			@RequestParam(required = false) String language, @RequestParam(required = false) String timeZone,
			Model model, RedirectAttributes redirect, HttpServletRequest request, HttpServletResponse response) {
		user.requireAgent();
		try {
			profiles.update(user.id(), name, language, timeZone);
			renamePrincipal(user, name.strip(), request, response);
			redirect.addFlashAttribute("notice", forms.message("profile.saved"));
			return "redirect:/profile";
		}
		catch (InvalidInputException e) {
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			Map<String, String> errors = new LinkedHashMap<>();
			String field = PageForms.field(e.field(), "name", "name", "language", "timeZone");
			errors.put(field, forms.message("name".equals(field) ? "profile.name.invalid" : "form.invalidChoice"));
			return page(user, name, language, timeZone, errors, model);
		}
	}

	@PostMapping("/profile/password")
	String password(@CurrentUser AuthenticatedUser user, @RequestParam(required = false) String currentPassword,
			@RequestParam(required = false) String newPassword, Model model, RedirectAttributes redirect,
			HttpServletResponse response) {
		user.requireAgent();
		try {
			profiles.changePassword(user.id(), currentPassword, newPassword);
			redirect.addFlashAttribute("notice", forms.message("profile.password.changed"));
			return "redirect:/profile";
		}
		catch (InvalidInputException e) {
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			Agent agent = profiles.agent(user.id());
			Map<String, String> errors = new LinkedHashMap<>();
			errors.put(e.field(), forms.message("currentPassword".equals(e.field()) ? "profile.password.wrong"
					: "profile.password.short"));
			return page(user, agent.getName(), agent.getLanguage(), agent.getTimeZone(), errors, model);
		}
	}

	@PostMapping("/profile/tokens")
	String mint(@CurrentUser AuthenticatedUser user, @RequestParam(required = false) String tokenName,
			RedirectAttributes redirect) {
		user.requireAgent();
		String name = tokenName == null || tokenName.isBlank() ? forms.message("profile.tokens.defaultName")
				: tokenName.strip();
		TokenService.MintedToken minted = tokens.mint(user, name.length() > 100 ? name.substring(0, 100) : name);
		redirect.addFlashAttribute("minted", minted);
		return "redirect:/profile#tokens";
	}

	@PostMapping("/profile/tokens/{id}/revoke")
	String revoke(@CurrentUser AuthenticatedUser user, @PathVariable long id, RedirectAttributes redirect) {
		user.requireAgent();
		tokens.revoke(user, id);
		redirect.addFlashAttribute("notice", forms.message("profile.tokens.revoked"));
		return "redirect:/profile#tokens";
	}

	private String page(AuthenticatedUser user, String name, String language, String timeZone,
			Map<String, String> errors, Model model) {
		model.addAttribute("name", name);
		model.addAttribute("language", language);
		model.addAttribute("timeZone", timeZone);
		model.addAttribute("errors", errors);
		model.addAttribute("languages", AgentProfiles.LANGUAGES);
		model.addAttribute("timeZones", AgentProfiles.TIME_ZONES);
		model.addAttribute("tokens", apiTokens.findByOwnerKindAndOwnerIdOrderByCreatedAtDesc(user.kind(), user.id()));
		model.addAttribute("activeView", "profile");
		return "profile/index";
	}

	/** The top bar shows the new name at once: the signed-in principal carries it. */
	private void renamePrincipal(AuthenticatedUser user, String name, HttpServletRequest request,
			HttpServletResponse response) {
		AuthenticatedUser renamed = AuthenticatedUser.agent(user.id(), user.email(), name, user.role());
		RapportUserDetails details = new RapportUserDetails(renamed, null, true);
		SecurityContext context = SecurityContextHolder.createEmptyContext();
		context.setAuthentication(
				UsernamePasswordAuthenticationToken.authenticated(details, null, details.getAuthorities()));
		SecurityContextHolder.setContext(context);
		contexts.saveContext(context, request, response);
	}
}
