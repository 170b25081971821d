package io.rapport.identity;

import java.time.Clock;
import java.util.Optional;

import io.rapport.identity.internal.Agents;
import io.rapport.identity.internal.PortalLogin;
import io.rapport.identity.internal.PortalLogins;
import io.rapport.shared.ConflictException;
import io.rapport.shared.InvalidInputException;

import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Portal logins that customers make themselves: sign-up creates an unverified login (no sign-in until a link mailed
 * to the address is opened), and a reset link proves the address as well as it sets a password. An address that
 * nobody verified is not owned by anyone yet: signing up again replaces the earlier password.
 */
@Service
public class PortalAccounts {

	private final PortalLogins logins;

	private final Agents agents;

	private final PasswordEncoder passwords;

	private final Clock clock;

	PortalAccounts(PortalLogins logins, Agents agents, PasswordEncoder passwords, Clock clock) {
		this.logins = logins;
		this.agents = agents;
		this.passwords = passwords;
		this.clock = clock;
	}

	/**
	 * An unverified login for the contact, or a new password for one still unverified.
	 *
	 * @throws ConflictException {@code errors.portal.email-taken} when the address is an agent's or already has a
	 * verified login
	 */
	@Transactional
	public void register(long contactId, String email, String name, String rawPassword) {
		requireStrong(rawPassword);
		String normalized = IdentityApi.normalize(email);
		if (agents.findByEmail(normalized).isPresent()) {
			throw ConflictException.of("errors.portal.email-taken", normalized);
		}
		Optional<PortalLogin> existing = logins.findById(contactId).or(() -> logins.findByEmail(normalized));
		if (existing.isPresent() && existing.get().isVerified()) {
			throw ConflictException.of("errors.portal.email-taken", normalized);
		}
		String hash = passwords.encode(rawPassword);
		existing.ifPresentOrElse(login -> login.replaceUnverified(name, hash),
				() -> logins.save(PortalLogin.unverified(contactId, normalized, name, hash, clock.instant())));
	}

	/** The state of the login with this address: none, waiting for verification, or verified. */
	@Transactional(readOnly = true)
	public LoginState state(String email) {
		return logins.findByEmail(IdentityApi.normalize(email))
			.map(login -> login.isVerified() ? LoginState.VERIFIED : LoginState.UNVERIFIED)
			.orElse(LoginState.NONE);
	}

	/** The contact whose login has this address, if there is one. */
	@Transactional(readOnly = true)
	public Optional<Long> contactOf(String email) {
		return logins.findByEmail(IdentityApi.normalize(email)).map(PortalLogin::getContactId);
	}

	/**
	 * Marks the contact's address verified, when {@code rawPassword} is the login's password (so the owner of an
	 * address cannot be made to verify a stranger's sign-up by clicking a link they did not ask for).
	 *
	 * @return false when there is no login or the password is wrong
	 */
	@Transactional
	public boolean verify(long contactId, String rawPassword) {
		Optional<PortalLogin> login = logins.findById(contactId);
		if (login.isEmpty() || rawPassword == null || !passwords.matches(rawPassword, login.get().getPasswordHash())) {
			return false;
		}
		login.get().verify(clock.instant());
		return true;
	}

	/**
	 * Sets the password from a reset link, which proves the address: the login is verified, and created for a
	 * contact support knows who never had one.
	 */
	@Transactional
	public void resetPassword(long contactId, String email, String name, String rawPassword) {
		requireStrong(rawPassword);
		String normalized = IdentityApi.normalize(email);
		if (agents.findByEmail(normalized).isPresent()) {
			throw ConflictException.of("errors.email.agent-in-portal", normalized);
		}
		String hash = passwords.encode(rawPassword);
		PortalLogin login = logins.findById(contactId)
			.orElseGet(() -> logins.save(new PortalLogin(contactId, normalized, name, hash, clock.instant())));
		login.changePassword(hash);
		login.verify(clock.instant());
	}

	/** Whether an agent signs in with this address (agents reset their password with an admin, not here). */
	@Transactional(readOnly = true)
	public boolean isAgent(String email) {
		return agents.findByEmail(IdentityApi.normalize(email)).isPresent();
	}

	private static void requireStrong(String rawPassword) {
		if (rawPassword == null || rawPassword.length() < 10 || rawPassword.length() > 200) {
			throw InvalidInputException.of("password", "errors.password.short");
		}
	}

	public enum LoginState {
		NONE, UNVERIFIED, VERIFIED
	}
}
