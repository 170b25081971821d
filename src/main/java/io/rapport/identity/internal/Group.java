package io.rapport.identity.internal;

import io.rapport.identity.GroupView;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

@Entity
@Table(name = "support_groups")
public class Group {

	@Id
	@GeneratedValue(generator = "groups_seq")
	@SequenceGenerator(name = "groups_seq", sequenceName = "groups_seq", allocationSize = 1)
	private Long id;

	@jakarta.persistence.Column(name = "group_key")
	private String key;

	private String name;

	@jakarta.persistence.Column(name = "lead_agent_id")
	private Long leadAgentId;

	protected Group() {
	}

	public Group(String key, String name) {
		this.key = key;
		this.name = name;
	}

	public GroupView view() {
		return new GroupView(id, key, name);
	}

	public void rename(String name) {
		this.name = name;
	}

	/** The agent told about what concerns the whole group (a bad CSAT rating); null for none. */
	public Long getLeadAgentId() {
		return leadAgentId;
	}

	public void setLeadAgentId(Long leadAgentId) {
		this.leadAgentId = leadAgentId;
	}

	public Long getId() {
		return id;
	}

	public String getKey() {
		return key;
	}
}
