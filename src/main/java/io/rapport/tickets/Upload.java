package io.rapport.tickets;

/**
 * A file attached to a message, as received from a form, an email or the API. {@code contentId} names an inline
 * image a mail's HTML shows as {@code cid:<contentId>}; null for an ordinary attachment.
 */
public record Upload(String filename, String contentType, byte[] content, String contentId) {

	public Upload(String filename, String contentType, byte[] content) {
		this(filename, contentType, content, null);
	}
}
