package io.rapport.tickets.internal;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import io.rapport.shared.InvalidInputException;
import io.rapport.tickets.TicketNotFoundException;
import io.rapport.tickets.Upload;

import org.springframework.http.MediaType;
import org.springframework.http.MediaTypeFactory;
import org.springframework.stereotype.Component;

/**
 * Files on messages: at most {@link #MAX_FILES} of {@link #MAX_BYTES} each, no executables. The content type is
 * taken from the file name, never from the sender, and every download is served as an attachment.
 */
@Component
class TicketAttachments {

	static final int MAX_FILES = 10;

	static final long MAX_BYTES = 10L * 1024 * 1024;

	private static final Set<String> BLOCKED = Set.of("exe", "msi", "bat", "cmd", "com", "scr", "pif", "ps1", "vbs",
			"vbe", "js", "jse", "wsf", "wsh", "hta", "cpl", "jar", "dll", "reg", "lnk");

	private final Attachments attachments;

	private final AttachmentContents contents;

	TicketAttachments(Attachments attachments, AttachmentContents contents) {
		this.attachments = attachments;
		this.contents = contents;
	}

	void check(List<Upload> uploads) {
		if (uploads == null) {
			return;
		}
		if (uploads.size() > MAX_FILES) {
			throw InvalidInputException.of("files", "errors.attachments.too-many", MAX_FILES);
		}
		for (int i = 0; i < uploads.size(); i++) {
			Upload upload = uploads.get(i);
			String name = cleanName(upload.filename());
			if (upload.content().length == 0) {
				throw InvalidInputException.of("files[" + i + "]", "errors.attachments.empty", name);
			}
			if (upload.content().length > MAX_BYTES) {
				throw InvalidInputException.of("files[" + i + "]", "errors.attachments.too-large", name);
			}
			if (BLOCKED.contains(extension(name))) {
				throw InvalidInputException.of("files[" + i + "]", "errors.attachments.executable", name);
			}
		}
	}

	void store(long ticketId, long messageId, List<Upload> uploads, Instant now) {
		if (uploads == null) {
			return;
		}
		for (Upload upload : uploads) {
			String name = cleanName(upload.filename());
			String type = MediaTypeFactory.getMediaType(name).orElse(MediaType.APPLICATION_OCTET_STREAM).toString();
			Attachment attachment = attachments
				.save(new Attachment(ticketId, messageId, name, type, upload.content().length, now)
					.inline(contentId(upload.contentId())));
			contents.save(new AttachmentContent(attachment.getId(), upload.content()));
		}
	}

	/** A Content-ID without its angle brackets, or null when there is none usable. */
	static String contentId(String raw) {
		if (raw == null) {
			return null;
		}
		String id = raw.strip();
		if (id.startsWith("<") && id.endsWith(">")) {
			id = id.substring(1, id.length() - 1).strip();
		}
		return id.isEmpty() || id.length() > 250 ? null : id;
	}

	java.util.Optional<Attachment> findOptional(long attachmentId) {
		return attachments.findById(attachmentId);
	}

	Attachment find(long attachmentId) {
		return attachments.findById(attachmentId).orElseThrow(() -> TicketNotFoundException.forAttachment(attachmentId));
	}

	byte[] content(long ticketId, long attachmentId) {
		return contents.findById(attachmentId).map(AttachmentContent::getData)
			.orElseThrow(() -> TicketNotFoundException.forAttachment(attachmentId));
	}

	/** The last path segment, without control characters or quotes, so it is safe in a header and on disk. */
	static String cleanName(String filename) {
		String name = filename == null ? "" : filename.replace('\\', '/');
		name = name.substring(name.lastIndexOf('/') + 1).replaceAll("[\\p{Cntrl}\"]", "").strip();
		if (name.isEmpty() || name.equals(".") || name.equals("..")) {
			name = "attachment";
		}
		return name.length() > 200 ? name.substring(name.length() - 200) : name;
	}

	private static String extension(String name) {
		int dot = name.lastIndexOf('.');
		return dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
	}
}
