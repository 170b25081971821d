package io.rapport.knowledge.helpcenter;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;

import io.rapport.accounts.AccountsApi;
import io.rapport.accounts.ContactView;
import io.rapport.identity.AuthenticatedUser;
import io.rapport.shared.secrets.Signatures;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.ResponseCookie;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;

/**
 * Tells {@link Reader}s apart. A contact signed in to the portal is themselves; anyone else may carry the
 * visitor cookie: a random id signed with {@link Signatures} (purpose {@code helpcenter-visitor}), set only when
 * they first vote, so readers who only read get no cookie at all.
 */
@Component
class Readers {

	static final String COOKIE = "rapport_visitor";

	private static final String PURPOSE = "helpcenter-visitor";

	private static final Duration LIFETIME = Duration.ofDays(365);

	private final AccountsApi accounts;

	private final Signatures signatures;

	private final Clock clock;

	Readers(AccountsApi accounts, Signatures signatures, Clock clock) {
		this.accounts = accounts;
		this.signatures = signatures;
		this.clock = clock;
	}

	/** The reader of this request, without creating anything. */
	Reader of(HttpServletRequest request) {
		AuthenticatedUser user = AuthenticatedUser.current();
		if (user != null && user.isContact()) {
			Long account = accounts.contact(user.id()).map(ContactView::accountId).orElse(null);
			return new Reader(user.id(), account, null);
		}
		if (user != null && user.isAgent()) {
			return Reader.agent(user.id());
		}
		return new Reader(null, null, visitorId(request).orElse(null));
	}

	/** The reader, given a visitor cookie when they are anonymous and have none yet (to vote). */
	Reader identified(HttpServletRequest request, HttpServletResponse response) {
		Reader reader = of(request);
		if (reader.voter() != null) {
			return reader;
		}
		String id = UUID.randomUUID().toString();
		String token = signatures.issue(PURPOSE, id, clock.instant().plus(LIFETIME));
		ResponseCookie cookie = ResponseCookie.from(COOKIE, token)
			.path("/")
			.maxAge(LIFETIME)
			.httpOnly(true)
			.secure(request.isSecure())
			.sameSite("Lax")
			.build();
		response.addHeader(HttpHeaders.SET_COOKIE, cookie.toString());
		return new Reader(null, null, id);
	}

	private Optional<String> visitorId(HttpServletRequest request) {
		Cookie[] cookies = request.getCookies();
		if (cookies == null) {
			return Optional.empty();
		}
		for (Cookie cookie : cookies) {
			if (COOKIE.equals(cookie.getName())) {
				return signatures.verify(PURPOSE, cookie.getValue())
					.filter(id -> id.matches("[0-9a-f-]{36}"));
			}
		}
		return Optional.empty();
	}
}
