package io.rapport.tickets.internal;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.rapport.identity.AgentView;
import io.rapport.identity.IdentityApi;

import org.springframework.stereotype.Component;

/**
 * Finds the agents an internal note @mentions. The rule (docs/ui.md): {@code @} followed by an active agent's full
 * email ({@code @lars.berg@brightlane.example}) or by the part of it before the {@code @} ({@code @lars.berg}),
 * case-insensitive, at the start of the text or after a character that cannot be part of an address (so
 * {@code ana@lars.example} mentions nobody). A local part that several agents share mentions none of them: write
 * the full email. Trailing dots and punctuation end the mention.
 */
@Component
class Mentions {

	private static final Pattern MENTION = Pattern
		.compile("(?<![\\p{L}\\p{N}._%+\\-@])@([\\p{L}\\p{N}._%+\\-]+(?:@[\\p{L}\\p{N}\\-]+(?:\\.[\\p{L}\\p{N}\\-]+)+)?)");

	private final IdentityApi identity;

	Mentions(IdentityApi identity) {
		this.identity = identity;
	}

	Set<Long> in(String text) {
		if (text == null || text.indexOf('@') < 0) {
			return Set.of();
		}
		List<String> handles = handles(text);
		if (handles.isEmpty()) {
			return Set.of();
		}
		List<AgentView> agents = identity.agents().stream().filter(AgentView::active).toList();
		Set<Long> mentioned = new LinkedHashSet<>();
		for (String handle : handles) {
			List<AgentView> matches = handle.contains("@")
					? agents.stream().filter(a -> a.email().equalsIgnoreCase(handle)).toList()
					: agents.stream().filter(a -> localPart(a.email()).equalsIgnoreCase(handle)).toList();
			if (matches.size() == 1) {
				mentioned.add(matches.get(0).id());
			}
		}
		return mentioned;
	}

	static List<String> handles(String text) {
		Matcher matcher = MENTION.matcher(text);
		List<String> handles = new java.util.ArrayList<>();
		while (matcher.find()) {
			String handle = matcher.group(1).replaceAll("[.\\-_%+]+$", "");
			if (!handle.isEmpty()) {
				handles.add(handle.toLowerCase(Locale.ROOT));
			}
		}
		return handles;
	}

	private static String localPart(String email) {
		int at = email.indexOf('@');
		return at < 0 ? email : email.substring(0, at);
	}
}
