package io.rapport.tickets.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

@Entity
@Table(name = "attachment_contents")
public class AttachmentContent {

	@Id
	@Column(name = "attachment_id")
	private Long attachmentId;

	private byte[] data;

	protected AttachmentContent() {
	}

	AttachmentContent(Long attachmentId, byte[] data) {
		this.attachmentId = attachmentId;
		this.data = data;
	}

	public byte[] getData() {
		return data;
	}
}
