package io.rapport.identity;

import java.time.Clock;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import io.rapport.identity.internal.Agent;
import io.rapport.identity.internal.Agents;
import io.rapport.identity.internal.Group;
import io.rapport.identity.internal.Groups;
import io.rapport.identity.internal.PortalLogin;
import io.rapport.identity.internal.PortalLogins;
import io.rapport.shared.ConflictException;
import io.rapport.shared.InvalidInputException;
import io.rapport.shared.NotFoundException;

import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What other modules may ask of identity: agents, groups and membership, and portal logins for contacts.
 * Groups are cached by id: they are few, and their keys never change.
 */
@Service
public class IdentityApi {

	private static final java.util.regex.Pattern GROUP_KEY = java.util.regex.Pattern.compile("[a-z][a-z0-9_-]{1,39}");

	private final Agents agents;

	private final Groups groups;

	private final PortalLogins portalLogins;

	private final PasswordEncoder passwords;

	private final Clock clock;

	private final Map<Long, GroupView> groupsById = new ConcurrentHashMap<>();

	IdentityApi(Agents agents, Groups groups, PortalLogins portalLogins, PasswordEncoder passwords, Clock clock) {
		this.agents = agents;
		this.groups = groups;
		this.portalLogins = portalLogins;
		this.passwords = passwords;
		this.clock = clock;
	}

	@Transactional(readOnly = true)
	public List<GroupView> groups() {
		List<GroupView> all = groups.findAll(org.springframework.data.domain.Sort.by("id")).stream().map(Group::view).toList();
		all.forEach(group -> groupsById.put(group.id(), group));
		return all;
	}

	public Optional<GroupView> group(long id) {
		GroupView cached = groupsById.get(id);
		if (cached != null) {
			return Optional.of(cached);
		}
		return groups().stream().filter(group -> group.id() == id).findFirst();
	}

	public Optional<GroupView> groupByKey(String key) {
		return groupsById.values().stream().filter(group -> group.key().equals(key)).findFirst()
			.or(() -> groups().stream().filter(group -> group.key().equals(key)).findFirst());
	}

	public GroupView requireGroup(String field, String key) {
		return groupByKey(key).orElseThrow(() -> InvalidInputException.of(field, "errors.group.unknown", key));
	}

	public String groupKey(long id) {
		return group(id).map(GroupView::key).orElse("?");
	}

	@Transactional
	public GroupView createGroup(String key, String name) {
		String normalized = key == null ? "" : key.strip().toLowerCase(Locale.ROOT);
		if (!GROUP_KEY.matcher(normalized).matches()) {
			throw InvalidInputException.of("key", "errors.group.key");
		}
		if (name == null || name.isBlank() || name.length() > 100) {
			throw InvalidInputException.of("name", "errors.group.name");
		}
		if (groups.findByKey(normalized).isPresent()) {
			throw ConflictException.of("errors.group.exists", normalized);
		}
		GroupView group = groups.save(new Group(normalized, name.strip())).view();
		groupsById.put(group.id(), group);
		return group;
	}

	@Transactional
	public GroupView renameGroup(long id, String name) {
		if (name == null || name.isBlank() || name.length() > 100) {
			throw InvalidInputException.of("name", "errors.group.name");
		}
		Group group = groups.findById(id).orElseThrow(() -> NotFoundException.of("errors.group.not-found", id));
		group.rename(name.strip());
		GroupView view = group.view();
		groupsById.put(id, view);
		return view;
	}

	/** The lead of a group (an agent id), told about what concerns the whole group; empty when it has none. */
	@Transactional(readOnly = true)
	public Optional<Long> groupLead(long groupId) {
		return groups.findById(groupId).map(Group::getLeadAgentId);
	}

	/** Names the group's lead ({@code agentId} null: none); the agent must be an active member of the group. */
	@Transactional
	public void setGroupLead(long groupId, Long agentId) {
		Group group = groups.findById(groupId).orElseThrow(() -> NotFoundException.of("errors.group.not-found", groupId));
		if (agentId != null && !isActiveMember(agentId, groupId)) {
			throw InvalidInputException.of("lead", "errors.group.lead");
		}
		group.setLeadAgentId(agentId);
	}

	@Transactional(readOnly = true)
	public List<AgentView> agents() {
		return agents.findAllOrdered().stream().map(agent -> agent.view(this::groupKey)).toList();
	}

	@Transactional(readOnly = true)
	public Optional<AgentView> agent(long id) {
		return agents.findById(id).map(agent -> agent.view(this::groupKey));
	}

	/** The language an agent chose on their profile, for what Rapport writes to them (mail notices); empty: none. */
	@Transactional(readOnly = true)
	public Optional<Locale> agentLanguage(long id) {
		return agents.findById(id).map(Agent::getLanguage).map(Locale::forLanguageTag);
	}

	@Transactional(readOnly = true)
	public List<AgentView> activeAgentsIn(long groupId) {
		return agents.findActiveInGroup(groupId).stream().map(agent -> agent.view(this::groupKey)).toList();
	}

	@Transactional(readOnly = true)
	public boolean isActiveMember(long agentId, long groupId) {
		return agents.findById(agentId).filter(Agent::isActive).map(a -> a.getGroupIds().contains(groupId)).orElse(false);
	}

	@Transactional(readOnly = true)
	public boolean emailInUse(String email) {
		String normalized = normalize(email);
		return agents.findByEmail(normalized).isPresent() || portalLogins.findByEmail(normalized).isPresent();
	}

	@Transactional
	public AgentView createAgent(NewAgent command) {
		String email = normalize(command.email());
		if (emailInUse(email)) {
			throw ConflictException.of("errors.email.taken", email);
		}
		Agent agent = new Agent(email, command.name().strip(), command.role(), passwords.encode(command.password()),
				clock.instant());
		groupIds(command.groups()).forEach(agent::joinGroup);
		return agents.save(agent).view(this::groupKey);
	}

	@Transactional
	public AgentView updateAgent(long id, String name, Role role, boolean active, List<String> groupKeys) {
		Agent agent = agents.findById(id).orElseThrow(() -> NotFoundException.of("errors.agent.not-found", id));
		if (name == null || name.isBlank() || name.length() > 200) {
			throw InvalidInputException.of("name", "errors.agent.name");
		}
		agent.update(name.strip(), role, active, groupIds(groupKeys));
		return agent.view(this::groupKey);
	}

	@Transactional
	public void setAgentPassword(long id, String rawPassword) {
		requireStrong(rawPassword);
		agents.findById(id).orElseThrow(() -> NotFoundException.of("errors.agent.not-found", id))
			.changePassword(passwords.encode(rawPassword));
	}

	/** Lets a contact sign in to the portal and the API; creates the login or replaces its password. */
	@Transactional
	public void grantPortalLogin(long contactId, String email, String name, String rawPassword) {
		requireStrong(rawPassword);
		String normalized = normalize(email);
		if (agents.findByEmail(normalized).isPresent()) {
			throw ConflictException.of("errors.email.agent-in-portal", normalized);
		}
		String hash = passwords.encode(rawPassword);
		portalLogins.findById(contactId).ifPresentOrElse(login -> login.changePassword(hash),
				() -> portalLogins.save(new PortalLogin(contactId, normalized, name, hash, clock.instant())));
	}

	@Transactional(readOnly = true)
	public boolean hasPortalLogin(long contactId) {
		return portalLogins.existsById(contactId);
	}

	public static String normalize(String email) {
		return email == null ? "" : email.strip().toLowerCase(Locale.ROOT);
	}

	private static void requireStrong(String rawPassword) {
		if (rawPassword == null || rawPassword.length() < 10 || rawPassword.length() > 200) {
			throw InvalidInputException.of("password", "errors.password.short");
		}
	}

	private Set<Long> groupIds(List<String> keys) {
		Set<Long> ids = new LinkedHashSet<>();
		if (keys != null) {
			for (int i = 0; i < keys.size(); i++) {
				ids.add(requireGroup("groups[" + i + "]", keys.get(i)).id());
			}
		}
		return ids;
	}
}
