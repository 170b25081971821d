package io.rapport.tickets.internal;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

/** A file's description; its bytes are in {@link AttachmentContent}, read only when downloaded. */
@Entity
@Table(name = "attachments")
public class Attachment {

	@Id
	@GeneratedValue(generator = "attachments_seq")
	@SequenceGenerator(name = "attachments_seq", sequenceName = "attachments_seq", allocationSize = 50)
	private Long id;

	@Column(name = "ticket_id")
	private Long ticketId;

	@Column(name = "message_id")
	private Long messageId;

	private String filename;

	@Column(name = "content_type")
	private String contentType;

	@Column(name = "byte_size")
	private long size;

	@Column(name = "created_at")
	private Instant createdAt;

	@Column(name = "content_id")
	private String contentId;

	protected Attachment() {
	}

	Attachment(Long ticketId, Long messageId, String filename, String contentType, long size, Instant createdAt) {
		this.ticketId = ticketId;
		this.messageId = messageId;
		this.filename = filename;
		this.contentType = contentType;
		this.size = size;
		this.createdAt = createdAt;
	}

	/** An inline image: the message's HTML shows it as {@code cid:<contentId>}. */
	Attachment inline(String contentId) {
		this.contentId = contentId;
		return this;
	}

	public String getContentId() {
		return contentId;
	}

	public Long getId() {
		return id;
	}

	public Long getTicketId() {
		return ticketId;
	}

	public Long getMessageId() {
		return messageId;
	}

	public String getFilename() {
		return filename;
	}

	public String getContentType() {
		return contentType;
	}

	public long getSize() {
		return size;
	}
}
