package io.rapport.portal;

import java.net.URI;
import java.util.Locale;

import io.rapport.accounts.AccountsApi;
import io.rapport.identity.AuthenticatedUser;
import io.rapport.shared.web.LanguageChoice;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The portal's language menu: the choice is remembered in a cookie for every visitor, and a signed-in customer's
 * contact takes it as their language, so the mails Rapport writes to them follow it. Back to the page the menu was
 * on (a path of this site only: never a redirect elsewhere).
 */
@Controller
class PortalLanguageController {

	private final AccountsApi accounts;

	PortalLanguageController(AccountsApi accounts) {
		this.accounts = accounts;
	}

	@PostMapping("/portal/language")
	String choose(@RequestParam(defaultValue = "") String lang, HttpServletRequest request,
			HttpServletResponse response) {
		String cookie = LanguageChoice.cookie(lang, request.isSecure());
		if (cookie != null) {
			response.addHeader(HttpHeaders.SET_COOKIE, cookie);
			AuthenticatedUser user = AuthenticatedUser.current();
			if (user != null && user.isContact()) {
				accounts.setLocale(user.id(), Locale.forLanguageTag(lang));
			}
		}
		return "redirect:" + back(request.getHeader(HttpHeaders.REFERER));
	}

	/** The path (and query) of the page the menu was on, when it is one of the portal's or help center's. */
	static String back(String referer) {
		try {
			URI uri = referer == null ? null : URI.create(referer);
			String path = uri == null ? null : uri.getRawPath();
			if (path != null && (path.equals("/portal") || path.startsWith("/portal/") || path.equals("/help")
					|| path.startsWith("/help/")) && !path.startsWith("/portal/language")) {
				return uri.getRawQuery() == null ? path : path + "?" + uri.getRawQuery();
			}
		}
		catch (IllegalArgumentException malformed) {
			// a referer that is no URI: back to the portal's home
		}
		return "/portal";
	}
}
