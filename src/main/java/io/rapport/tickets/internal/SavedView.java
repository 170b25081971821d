package io.rapport.tickets.internal;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

/**
 * A queue an agent shaped and named: personal to its owner, or shared with every agent (as in Zendesk, only
 * admins share). The filter is the list page's query string, so a view opens exactly as it was saved.
 */
@Entity
@Table(name = "saved_views")
public class SavedView {

	@Id
	@GeneratedValue(generator = "saved_views_seq")
	@SequenceGenerator(name = "saved_views_seq", sequenceName = "saved_views_seq", allocationSize = 50)
	private Long id;

	@Column(name = "owner_id")
	private long ownerId;

	private boolean shared;

	private String name;

	@Column(name = "filter_query")
	private String query;

	@Column(name = "created_at")
	private Instant createdAt;

	protected SavedView() {
	}

	SavedView(long ownerId, boolean shared, String name, String query, Instant createdAt) {
		this.ownerId = ownerId;
		this.shared = shared;
		this.name = name;
		this.query = query;
		this.createdAt = createdAt;
	}

	public Long getId() {
		return id;
	}

	public long getOwnerId() {
		return ownerId;
	}

	public boolean isShared() {
		return shared;
	}

	public String getName() {
		return name;
	}

	public String getQuery() {
		return query;
	}
}
