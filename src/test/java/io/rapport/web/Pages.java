package io.rapport.web;

import io.rapport.Fixtures.Person;
import io.rapport.identity.internal.RapportUserDetails;

import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

/** Page requests signed in as a fixture person, with the principal the real form login creates. */
public final class Pages {

	private Pages() {
	}

	public static RequestPostProcessor signedInAs(Person person) {
		return user(new RapportUserDetails(person.user(), null, true));
	}
}
