package io.rapport.portal;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.List;

import io.rapport.identity.AuthenticatedUser;
import io.rapport.tickets.AttachmentView;
import io.rapport.tickets.AuthorKind;
import io.rapport.tickets.MessageView;
import io.rapport.tickets.TicketStatus;
import io.rapport.tickets.TicketView;

/** What portal pages show of tickets and messages: only what a customer should see, ready to render. */
final class PortalViews {

	private PortalViews() {
	}

	record Row(long id, long number, String subject, CustomerStatus status, String typeKey, ZonedDateTime createdAt,
			ZonedDateTime updatedAt) {

		static Row of(TicketView ticket) {
			return new Row(ticket.id(), ticket.number(), ticket.subject(), CustomerStatus.of(ticket.status()),
					PortalViews.typeKey(ticket), utc(ticket.createdAt()), utc(ticket.updatedAt()));
		}
	}

	/**
	 * One of the customer's requests found by words. {@code snippet} is the highlighter's safe HTML (the text
	 * HTML-escaped, the matched words in {@code <mark>}), from public messages only.
	 */
	record Found(long id, long number, String subject, CustomerStatus status, ZonedDateTime updatedAt,
			String snippet) {

		static Found of(io.rapport.tickets.TicketSearch.Hit hit) {
			return new Found(hit.ticketId(), hit.number(), hit.subject(), CustomerStatus.of(hit.status()),
					utc(hit.updatedAt()), hit.snippet());
		}
	}

	record Detail(Row row, boolean closed, boolean solved, String requesterName) {

		static Detail of(TicketView ticket) {
			return new Detail(Row.of(ticket), ticket.status() == TicketStatus.CLOSED,
					ticket.status() == TicketStatus.SOLVED, ticket.requester().name());
		}
	}

	/**
	 * One message of the conversation. {@code bodyHtml} was sanitized when it was stored and is the only thing a page
	 * may render unescaped.
	 */
	record Entry(long id, boolean mine, boolean fromSupport, String authorName, String bodyHtml, ZonedDateTime at,
			List<File> files, String quotedHtml) {

		static Entry of(MessageView message, AuthenticatedUser viewer) {
			boolean mine = message.authorType() == AuthorKind.CONTACT && message.authorId() != null
					&& message.authorId() == viewer.id();
			return new Entry(message.id(), mine, message.authorType() != AuthorKind.CONTACT, message.authorName(),
					message.bodyHtml(), utc(message.createdAt()), message.attachments().stream().map(File::of).toList(),
					message.quotedHtml());
		}
	}

	record File(long id, String filename, String size) {

		static File of(AttachmentView attachment) {
			return new File(attachment.id(), attachment.filename(), PortalViews.size(attachment.size()));
		}
	}

	static String typeKey(TicketView ticket) {
		return "portal.type." + ticket.type().name().toLowerCase(java.util.Locale.ROOT);
	}

	static String size(long bytes) {
		if (bytes < 1024) {
			return bytes + " B";
		}
		if (bytes < 1024 * 1024) {
			return (bytes + 512) / 1024 + " KB";
		}
		return String.format(java.util.Locale.ROOT, "%.1f MB", bytes / (1024.0 * 1024.0));
	}

	private static ZonedDateTime utc(Instant instant) {
		return instant == null ? null : instant.atZone(ZoneOffset.UTC);
	}
}
