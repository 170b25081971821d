package io.rapport.portal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import io.rapport.identity.AuthenticatedUser;
import io.rapport.identity.SignIns;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.security.web.csrf.CsrfTokenRepository;
import org.springframework.security.web.csrf.HttpSessionCsrfTokenRepository;
import org.springframework.stereotype.Component;

/**
 * Signs a customer in right after they chose a password (sign-up, an accepted invitation) as the login form would
 * have: a new session id and a new CSRF token, so nothing issued before sign-in carries over.
 */
@Component
class PortalSignIn {

	private static final Logger log = LoggerFactory.getLogger(PortalSignIn.class);

	private final AuthenticationManager authenticationManager;

	private final SecurityContextRepository contexts = new HttpSessionSecurityContextRepository();

	private final CsrfTokenRepository csrfTokens = new HttpSessionCsrfTokenRepository();

	private final SignIns signIns;

	PortalSignIn(AuthenticationManager authenticationManager, SignIns signIns) {
		this.authenticationManager = authenticationManager;
		this.signIns = signIns;
	}

	/** False when sign-in failed (the throttle, say); the caller sends the customer to the sign-in page. */
	boolean signIn(String email, String password, HttpServletRequest request, HttpServletResponse response) {
		try {
			Authentication authentication = authenticationManager
				.authenticate(UsernamePasswordAuthenticationToken.unauthenticated(email.strip(), password));
			request.getSession();
			request.changeSessionId();
			csrfTokens.saveToken(null, request, response);
			SecurityContext context = SecurityContextHolder.createEmptyContext();
			context.setAuthentication(authentication);
			SecurityContextHolder.setContext(context);
			contexts.saveContext(context, request, response);
			signIns.signedIn(AuthenticatedUser.current());
			return true;
		}
		catch (AuthenticationException e) {
			log.warn("A customer who just chose a password could not sign in at once: {}", e.getMessage());
			return false;
		}
	}
}
