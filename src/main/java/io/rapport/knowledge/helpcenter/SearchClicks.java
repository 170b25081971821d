package io.rapport.knowledge.helpcenter;

import java.util.Optional;

import io.rapport.shared.secrets.Signatures;

import org.springframework.stereotype.Component;

/**
 * The search a result was opened from travels in the result's link ({@code ?sid=<id>.<signature>}), signed so
 * that nobody can mark clicks on other people's searches.
 */
@Component
class SearchClicks {

	private static final String PURPOSE = "helpcenter-search";

	private final Signatures signatures;

	SearchClicks(Signatures signatures) {
		this.signatures = signatures;
	}

	String token(long searchId) {
		return searchId + "." + signatures.mac(PURPOSE, Long.toString(searchId), 16);
	}

	Optional<Long> verify(String token) {
		if (token == null || token.length() > 60) {
			return Optional.empty();
		}
		int dot = token.indexOf('.');
		if (dot <= 0 || !token.substring(0, dot).matches("\\d{1,18}")) {
			return Optional.empty();
		}
		String id = token.substring(0, dot);
		return signatures.verifyMac(PURPOSE, id, token.substring(dot + 1)) ? Optional.of(Long.parseLong(id))
				: Optional.empty();
	}
}
