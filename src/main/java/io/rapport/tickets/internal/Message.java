package io.rapport.tickets.internal;

import java.time.Instant;

import io.rapport.tickets.AuthorKind;
import io.rapport.tickets.Visibility;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

/**
 * A public reply or an internal note. The body is sanitized HTML, made safe once when it was stored. A message an
 * agent wrote for a customer (a phone call) has the agent as author and the customer in {@code onBehalfOfContactId};
 * one that arrived through a channel keeps the channel's id for it ({@code source}, {@code externalId}), unique per
 * source, so a redelivery finds it instead of storing it twice. A received mail may be an automatic answer
 * ({@code autoReply}) and may carry the quoted history cut from its body ({@code quotedHtml}), shown on click.
 */
@Entity
@Table(name = "messages")
public class Message {

	@Id
	@GeneratedValue(generator = "messages_seq")
	@SequenceGenerator(name = "messages_seq", sequenceName = "messages_seq", allocationSize = 50)
	private Long id;

	@Column(name = "ticket_id")
	private Long ticketId;

	@Enumerated(EnumType.STRING)
	@Column(name = "author_kind")
	private AuthorKind authorKind;

	@Column(name = "author_id")
	private Long authorId;

	@Enumerated(EnumType.STRING)
	private Visibility visibility;

	@Column(name = "body_html")
	private String bodyHtml;

	@Column(name = "created_at")
	private Instant createdAt;

	@Column(name = "on_behalf_of_contact_id")
	private Long onBehalfOfContactId;

	private String source;

	@Column(name = "external_id")
	private String externalId;

	@Column(name = "auto_reply")
	private boolean autoReply;

	@Column(name = "quoted_html")
	private String quotedHtml;

	protected Message() {
	}

	Message(Long ticketId, AuthorKind authorKind, Long authorId, Visibility visibility, String bodyHtml,
			Instant createdAt) {
		this.ticketId = ticketId;
		this.authorKind = authorKind;
		this.authorId = authorId;
		this.visibility = visibility;
		this.bodyHtml = bodyHtml;
		this.createdAt = createdAt;
	}

	Message onBehalfOf(Long contactId) {
		this.onBehalfOfContactId = contactId;
		return this;
	}

	Message receivedAs(String source, String externalId) {
		this.source = source;
		this.externalId = externalId;
		return this;
	}

	/** An automatic answer (out of office); {@code quotedHtml} is the sanitized history cut from the body. */
	Message asReceived(boolean autoReply, String quotedHtml) {
		this.autoReply = autoReply;
		this.quotedHtml = quotedHtml;
		return this;
	}

	public Long getId() {
		return id;
	}

	public Long getTicketId() {
		return ticketId;
	}

	public AuthorKind getAuthorKind() {
		return authorKind;
	}

	public Long getAuthorId() {
		return authorId;
	}

	public Visibility getVisibility() {
		return visibility;
	}

	public String getBodyHtml() {
		return bodyHtml;
	}

	public Instant getCreatedAt() {
		return createdAt;
	}

	public Long getOnBehalfOfContactId() {
		return onBehalfOfContactId;
	}

	public String getSource() {
		return source;
	}

	public String getExternalId() {
		return externalId;
	}

	public boolean isAutoReply() {
		return autoReply;
	}

	public String getQuotedHtml() {
		return quotedHtml;
	}
}
