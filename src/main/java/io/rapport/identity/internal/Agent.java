package io.rapport.identity.internal;

import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Set;

import io.rapport.identity.AgentView;
import io.rapport.identity.Role;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

@Entity
@Table(name = "agents")
public class Agent {

	@Id
	@GeneratedValue(generator = "agents_seq")
	@SequenceGenerator(name = "agents_seq", sequenceName = "agents_seq", allocationSize = 50)
	private Long id;

	private String email;

	private String name;

	@Enumerated(EnumType.STRING)
	private Role role;

	private boolean active = true;

	@Column(name = "password_hash")
	private String passwordHash;

	@ElementCollection(fetch = FetchType.EAGER)
	@CollectionTable(name = "agent_groups", joinColumns = @JoinColumn(name = "agent_id"))
	@Column(name = "group_id")
	private Set<Long> groupIds = new LinkedHashSet<>();

	@Column(name = "created_at")
	private Instant createdAt;

	private String language;

	@Column(name = "time_zone")
	private String timeZone;

	@Version
	private long version;

	protected Agent() {
	}

	public Agent(String email, String name, Role role, String passwordHash, Instant createdAt) {
		this.email = email;
		this.name = name;
		this.role = role;
		this.passwordHash = passwordHash;
		this.createdAt = createdAt;
	}

	public AgentView view(java.util.function.LongFunction<String> groupKey) {
		return new AgentView(id, email, name, role, active, groupIds.stream().map(groupKey::apply).sorted().toList());
	}

	public void update(String name, Role role, boolean active, Set<Long> groupIds) {
		this.name = name;
		this.role = role;
		this.active = active;
		this.groupIds.clear();
		this.groupIds.addAll(groupIds);
	}

	/** The agent's own settings from their profile page; null language or zone mean "not chosen". */
	public void changeProfile(String name, String language, String timeZone) {
		this.name = name;
		this.language = language;
		this.timeZone = timeZone;
	}

	public String getLanguage() {
		return language;
	}

	public String getTimeZone() {
		return timeZone;
	}

	public void joinGroup(long groupId) {
		groupIds.add(groupId);
	}

	public void changePassword(String passwordHash) {
		this.passwordHash = passwordHash;
	}

	public Long getId() {
		return id;
	}

	public String getEmail() {
		return email;
	}

	public String getName() {
		return name;
	}

	public Role getRole() {
		return role;
	}

	public boolean isActive() {
		return active;
	}

	public String getPasswordHash() {
		return passwordHash;
	}

	public Set<Long> getGroupIds() {
		return groupIds;
	}
}
