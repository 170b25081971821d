package io.rapport.identity.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

import io.rapport.shared.InvalidInputException;
import io.rapport.shared.NotFoundException;

import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * An agent's own settings: name, password, language and time zone. The language and zone are read on every page
 * an agent opens, so they are remembered for a short while; a change on this node takes effect at once, on other
 * nodes within {@link #REMEMBERED_FOR}.
 */
@Service
public class AgentProfiles {

	/** The languages the workspace can be shown in, in the order the profile page offers them. */
	public static final List<String> LANGUAGES = List.of("en", "zh", "ro", "ta", "eo");

	public static final Set<String> TIME_ZONES = new TreeSet<>(ZoneId.getAvailableZoneIds());

	static final Duration REMEMBERED_FOR = Duration.ofMinutes(5);

	private final Agents agents;

	private final PasswordEncoder passwords;

	private final Clock clock;

	private final Map<Long, Remembered> preferences = new ConcurrentHashMap<>();

	AgentProfiles(Agents agents, PasswordEncoder passwords, Clock clock) {
		this.agents = agents;
		this.passwords = passwords;
		this.clock = clock;
	}

	/** Null fields where the agent chose nothing: the browser's language, and UTC. */
	public record Preferences(Locale locale, ZoneId zone) {

		static final Preferences NONE = new Preferences(null, null);
	}

	public Preferences preferences(long agentId) {
		Instant now = clock.instant();
		Remembered remembered = preferences.get(agentId);
		if (remembered != null && remembered.until().isAfter(now)) {
			return remembered.preferences();
		}
		Preferences read = agents.findById(agentId).map(AgentProfiles::preferencesOf).orElse(Preferences.NONE);
		if (preferences.size() > 10_000) {
			preferences.clear();
		}
		preferences.put(agentId, new Remembered(read, now.plus(REMEMBERED_FOR)));
		return read;
	}

	@Transactional(readOnly = true)
	public Agent agent(long agentId) {
		return agents.findById(agentId).orElseThrow(() -> NotFoundException.of("errors.agent.not-found", agentId));
	}

	@Transactional
	public void update(long agentId, String name, String language, String timeZone) {
		if (name == null || name.isBlank() || name.strip().length() > 200) {
			throw InvalidInputException.of("name", "errors.agent.name");
		}
		String chosenLanguage = blankToNull(language);
		if (chosenLanguage != null && !LANGUAGES.contains(chosenLanguage)) {
			throw InvalidInputException.of("language", "errors.profile.language");
		}
		String chosenZone = blankToNull(timeZone);
		if (chosenZone != null && !TIME_ZONES.contains(chosenZone)) {
			throw InvalidInputException.of("timeZone", "errors.profile.time-zone");
		}
		Agent agent = agent(agentId);
		agent.changeProfile(name.strip(), chosenLanguage, chosenZone);
		preferences.put(agentId, new Remembered(preferencesOf(agent), clock.instant().plus(REMEMBERED_FOR)));
	}

	/** The agent proves who they are with the current password; the new one follows the rule for all agents. */
	@Transactional
	public void changePassword(long agentId, String currentPassword, String newPassword) {
		Agent agent = agent(agentId);
		if (currentPassword == null || !passwords.matches(currentPassword, agent.getPasswordHash())) {
			throw InvalidInputException.of("currentPassword", "errors.profile.current-password");
		}
		if (newPassword == null || newPassword.length() < 10 || newPassword.length() > 200) {
			throw InvalidInputException.of("newPassword", "errors.password.short");
		}
		agent.changePassword(passwords.encode(newPassword));
	}

	private static Preferences preferencesOf(Agent agent) {
		return new Preferences(agent.getLanguage() == null ? null : Locale.forLanguageTag(agent.getLanguage()),
				agent.getTimeZone() == null ? null : ZoneId.of(agent.getTimeZone()));
	}

	private static String blankToNull(String value) {
		return value == null || value.isBlank() ? null : value.strip();
	}

	private record Remembered(Preferences preferences, Instant until) {
	}
}
