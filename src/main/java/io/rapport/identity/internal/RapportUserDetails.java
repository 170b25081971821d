package io.rapport.identity.internal;

import java.util.Collection;
import java.util.List;

import io.rapport.identity.AuthenticatedUser;
import io.rapport.identity.Role;

import org.springframework.security.core.CredentialsContainer;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/** Spring Security's view of an {@link AuthenticatedUser}; the password hash is erased after sign-in. */
public final class RapportUserDetails implements UserDetails, CredentialsContainer {

	private final AuthenticatedUser user;

	private final boolean enabled;

	private final boolean verified;

	private String passwordHash;

	public RapportUserDetails(AuthenticatedUser user, String passwordHash, boolean enabled) {
		this(user, passwordHash, enabled, true);
	}

	/**
	 * {@code verified} false: a portal password chosen at sign-up before its address was verified. Spring Security
	 * checks it after the password ({@link #isCredentialsNonExpired}), so only someone who knows the password
	 * learns that the address waits for verification.
	 */
	public RapportUserDetails(AuthenticatedUser user, String passwordHash, boolean enabled, boolean verified) {
		this.user = user;
		this.passwordHash = passwordHash;
		this.enabled = enabled;
		this.verified = verified;
	}

	public AuthenticatedUser getUser() {
		return user;
	}

	/** For SpEL in {@code @AuthenticationPrincipal(expression = "user")}. */
	public AuthenticatedUser user() {
		return user;
	}

	@Override
	public Collection<? extends GrantedAuthority> getAuthorities() {
		if (user.isContact()) {
			return List.of(new SimpleGrantedAuthority("ROLE_CONTACT"));
		}
		if (user.role() == Role.ADMIN) {
			return List.of(new SimpleGrantedAuthority("ROLE_AGENT"), new SimpleGrantedAuthority("ROLE_ADMIN"));
		}
		return List.of(new SimpleGrantedAuthority("ROLE_AGENT"));
	}

	@Override
	public String getPassword() {
		return passwordHash;
	}

	@Override
	public String getUsername() {
		return user.email();
	}

	@Override
	public boolean isEnabled() {
		return enabled;
	}

	/** An unverified address makes its password not yet valid: refused after the password check. */
	@Override
	public boolean isCredentialsNonExpired() {
		return verified;
	}

	@Override
	public void eraseCredentials() {
		passwordHash = null;
	}
}
