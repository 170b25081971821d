package io.rapport.identity.internal;

import java.util.Locale;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/**
 * Password sign-in (form and HTTP Basic) with the {@link LoginThrottle} in front of it: the attempt is counted
 * before the password is checked, and given back only when it was right.
 */
class ThrottledAuthenticationProvider implements AuthenticationProvider {

	private final AuthenticationProvider passwords;

	private final LoginThrottle throttle;

	ThrottledAuthenticationProvider(AuthenticationProvider passwords, LoginThrottle throttle) {
		this.passwords = passwords;
		this.throttle = throttle;
	}

	@Override
	public Authentication authenticate(Authentication authentication) {
		String email = authentication.getName() == null ? "" : authentication.getName().strip().toLowerCase(Locale.ROOT);
		String address = authentication.getDetails() instanceof WebAuthenticationDetails details
				? details.getRemoteAddress() : null;
		LoginThrottle.Attempt attempt = throttle.acquire(email, address);
		Authentication result = passwords.authenticate(authentication);
		throttle.succeeded(attempt);
		return result;
	}

	@Override
	public boolean supports(Class<?> authentication) {
		return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
	}
}
