package io.rapport.notifications.internal;

import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import io.rapport.identity.AgentView;
import io.rapport.identity.AuthenticatedUser;
import io.rapport.identity.CurrentUser;
import io.rapport.identity.IdentityApi;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The agents an internal note can @mention, for the note box's autocomplete (the page path) and for API clients.
 * A mention is {@code @} and the agent's email local part, or the whole email when two agents share a local part;
 * the tickets module reads mentions with the same rule. Only agents may ask: a customer gets 404.
 */
@RestController
@Tag(name = "Notifications")
class MentionableAgents {

	static final int LIMIT = 8;

	private final IdentityApi identity;

	MentionableAgents(IdentityApi identity) {
		this.identity = identity;
	}

	@Operation(summary = "Active agents whose name or email starts with q, to @mention in an internal note")
	@GetMapping({ "/api/v1/mentionable-agents", "/notifications/mentionable-agents" })
	List<Mentionable> find(@CurrentUser AuthenticatedUser user, @RequestParam(defaultValue = "") String q) {
		user.requireAgent();
		String prefix = fold(q.strip().replaceFirst("^@", ""));
		List<AgentView> all = identity.agents();
		Map<String, Long> localParts = all.stream()
			.collect(Collectors.groupingBy(agent -> localPart(agent.email()), Collectors.counting()));
		return all.stream()
			.filter(AgentView::active)
			.filter(agent -> agent.id() != user.id())
			.filter(agent -> prefix.length() <= 100 && matches(agent, prefix))
			.limit(LIMIT)
			.map(agent -> new Mentionable(agent.id(), agent.name(), agent.email(),
					localParts.get(localPart(agent.email())) > 1 ? agent.email() : localPart(agent.email())))
			.toList();
	}

	private static boolean matches(AgentView agent, String prefix) {
		if (prefix.isEmpty()) {
			return true;
		}
		String name = fold(agent.name());
		return fold(agent.email()).startsWith(prefix) || name.startsWith(prefix)
				|| List.of(name.split("\\s+")).stream().anyMatch(word -> word.startsWith(prefix));
	}

	/** Case and accents do not matter: "muller" finds Müller. */
	static String fold(String text) {
		return Normalizer.normalize(text == null ? "" : text, Normalizer.Form.NFD).replaceAll("\\p{M}", "")
			.toLowerCase(Locale.ROOT);
	}

	private static String localPart(String email) {
		int at = email.indexOf('@');
		return (at < 0 ? email : email.substring(0, at)).toLowerCase(Locale.ROOT);
	}

	/** {@code handle} is what follows the {@code @} in a note. */
	record Mentionable(long id, String name, String email, String handle) {
	}
}
