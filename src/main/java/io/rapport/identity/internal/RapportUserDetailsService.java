package io.rapport.identity.internal;

import java.util.Locale;
import java.util.Optional;

import io.rapport.identity.AuthenticatedUser;
import io.rapport.identity.UserKind;

import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Finds agents first, then customers with a portal login: one email is one person. */
@Service
public class RapportUserDetailsService implements UserDetailsService {

	private final Agents agents;

	private final PortalLogins portalLogins;

	RapportUserDetailsService(Agents agents, PortalLogins portalLogins) {
		this.agents = agents;
		this.portalLogins = portalLogins;
	}

	@Override
	@Transactional(readOnly = true)
	public RapportUserDetails loadUserByUsername(String username) {
		String email = username == null ? "" : username.strip().toLowerCase(Locale.ROOT);
		Optional<RapportUserDetails> agent = agents.findByEmail(email)
			.map(a -> new RapportUserDetails(AuthenticatedUser.agent(a.getId(), a.getEmail(), a.getName(), a.getRole()),
					a.getPasswordHash(), a.isActive()));
		return agent.or(() -> portalLogins.findByEmail(email).map(RapportUserDetailsService::contact))
			.orElseThrow(() -> new UsernameNotFoundException("No user with that email"));
	}

	@Transactional(readOnly = true)
	public Optional<RapportUserDetails> load(UserKind kind, long id) {
		if (kind == UserKind.AGENT) {
			return agents.findById(id)
				.map(a -> new RapportUserDetails(
						AuthenticatedUser.agent(a.getId(), a.getEmail(), a.getName(), a.getRole()), null, a.isActive()));
		}
		return portalLogins.findById(id).map(RapportUserDetailsService::contact);
	}

	private static RapportUserDetails contact(PortalLogin login) {
		return new RapportUserDetails(AuthenticatedUser.contact(login.getContactId(), login.getEmail(), login.getName()),
				login.getPasswordHash(), true, login.isVerified());
	}
}
