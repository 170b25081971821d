package io.rapport.tickets;

/**
 * A file's description. {@code contentId} names an inline image the message's HTML shows as
 * {@code cid:<contentId>} (a mail carries it under that id); null for an ordinary attachment.
 */
public record AttachmentView(long id, String filename, String contentType, long size, String contentId) {

	public AttachmentView(long id, String filename, String contentType, long size) {
		this(id, filename, contentType, size, null);
	}
}
