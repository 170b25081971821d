package io.rapport.tickets.internal;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

import io.rapport.shared.InvalidInputException;

/**
 * Addresses copied on a ticket, in one form: stripped, lower case, each once. A mail's Cc header is taken as it
 * comes (what is not an address is dropped); an agent's list is checked, and a wrong address named.
 */
final class Participants {

	static final int MAX_CCS = 50;

	private static final Pattern ADDRESS = Pattern.compile("[^@\\s<>\"',;]+@[^@\\s<>\"',;]+\\.[^@\\s<>\"',;]+");

	private Participants() {
	}

	/** The addresses of a received message: the usable ones, normalised, each once. */
	static List<String> addresses(List<String> raw) {
		Set<String> result = new LinkedHashSet<>();
		for (String address : raw == null ? List.<String>of() : raw) {
			String normalized = normalize(address);
			if (valid(normalized) && result.size() < MAX_CCS) {
				result.add(normalized);
			}
		}
		return new ArrayList<>(result);
	}

	/** An agent's list: every address must be one ({@code field} names the one at fault). */
	static List<String> checked(List<String> raw, String field) {
		if (raw.size() > MAX_CCS) {
			throw InvalidInputException.of(field, "errors.ticket.ccs-too-many", MAX_CCS);
		}
		Set<String> result = new LinkedHashSet<>();
		for (String address : raw) {
			String normalized = normalize(address);
			if (!valid(normalized)) {
				throw InvalidInputException.of(field, "errors.ticket.cc-invalid", address == null ? "" : address);
			}
			result.add(normalized);
		}
		return new ArrayList<>(result);
	}

	/** A comma, semicolon or line separated list, as a page's field holds it. */
	static List<String> split(String text) {
		List<String> result = new ArrayList<>();
		for (String part : text.split("[,;\\s]+")) {
			if (!part.isBlank()) {
				result.add(part.strip());
			}
		}
		return result;
	}

	private static String normalize(String address) {
		return address == null ? "" : address.strip().toLowerCase(Locale.ROOT);
	}

	private static boolean valid(String address) {
		return address.length() <= 254 && ADDRESS.matcher(address).matches();
	}
}
