package io.rapport.identity.internal;

import java.time.ZoneId;
import java.util.Locale;
import java.util.TimeZone;

import io.rapport.identity.AuthenticatedUser;
import io.rapport.shared.web.LanguageChoice;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.i18n.LocaleContext;
import org.springframework.context.i18n.TimeZoneAwareLocaleContext;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.LocaleContextResolver;

/**
 * The language and time zone of a request: an agent's own choice from their profile, otherwise the language a
 * visitor picked in the portal (a cookie), otherwise the browser's {@code Accept-Language} and no zone (pages then show UTC). Texts fall back to English where a module has no
 * bundle in that language. Both are looked up only when something asks, so API calls pay nothing.
 */
@Component("localeResolver")
class AgentLocaleResolver implements LocaleContextResolver {

	private final AgentProfiles profiles;

	AgentLocaleResolver(AgentProfiles profiles) {
		this.profiles = profiles;
	}

	@Override
	public LocaleContext resolveLocaleContext(HttpServletRequest request) {
		return new TimeZoneAwareLocaleContext() {

			private AgentProfiles.Preferences preferences;

			@Override
			public Locale getLocale() {
				Locale chosen = preferences().locale();
				if (chosen != null) {
					return chosen;
				}
				return LanguageChoice.picked(request).orElseGet(request::getLocale);
			}

			@Override
			public TimeZone getTimeZone() {
				ZoneId zone = preferences().zone();
				return zone == null ? null : TimeZone.getTimeZone(zone);
			}

			private AgentProfiles.Preferences preferences() {
				if (preferences == null) {
					AuthenticatedUser user = AuthenticatedUser.current();
					preferences = user != null && user.isAgent() ? profiles.preferences(user.id())
							: AgentProfiles.Preferences.NONE;
				}
				return preferences;
			}
		};
	}

	@Override
	public Locale resolveLocale(HttpServletRequest request) {
		return resolveLocaleContext(request).getLocale();
	}

	@Override
	public void setLocaleContext(HttpServletRequest request, HttpServletResponse response, LocaleContext context) {
		throw new UnsupportedOperationException("The language is chosen on the profile page or by the browser");
	}
}
