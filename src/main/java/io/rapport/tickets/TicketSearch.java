package io.rapport.tickets;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import io.rapport.identity.AuthenticatedUser;

/**
 * Full-text search over tickets and their conversations, for the API, the agent workspace and the portal. Words
 * are matched in the subject, the public messages and (for agents) the internal notes, each analyzed in its own
 * language, plus the requester's and account's names and the ticket number. The same access rule as every read
 * applies: a customer finds only the tickets they requested, by their subject and public messages, and their
 * snippets never quote a note. See docs/search.md, "Ticket search".
 */
public interface TicketSearch {

	/** Results, best first (newest first when there are no words), each with a highlighted snippet. */
	Hits search(Query query, AuthenticatedUser by);

	/**
	 * What to look for. {@code text} may be blank (only the filters then); {@code group} is a group's key;
	 * {@code assignee} is an agent's id; {@code unassigned} keeps tickets nobody holds; {@code from} and {@code to}
	 * are whole UTC days of the creation date, both included; {@code locale} is the language of the person asking,
	 * whose fields rank first. Customers' searches ignore the team's filters (group, assignee, account, tags).
	 */
	record Query(String text, Set<TicketStatus> statuses, String group, Long assignee, boolean unassigned,
			Long requester, Long account, List<String> tags, Set<Channel> channels, LocalDate from, LocalDate to,
			String locale, int page, int size) {

		public Query {
			statuses = statuses == null ? Set.of() : Set.copyOf(statuses);
			tags = tags == null ? List.of() : List.copyOf(tags);
			channels = channels == null ? Set.of() : Set.copyOf(channels);
		}

		/** Words only, first page of {@code size}. */
		public static Query words(String text, int size) {
			return new Query(text, Set.of(), null, null, false, null, null, List.of(), Set.of(), null, null, null, 0,
					size);
		}
	}

	record Hits(long total, int page, int size, List<Hit> items) {

		public int totalPages() {
			return (int) Math.min(Integer.MAX_VALUE, (total + size - 1) / size);
		}
	}

	/**
	 * One ticket found. {@code snippet} is safe HTML: the words around the match, HTML-escaped, the matched words in
	 * {@code <mark>}; null when only the number, the subject or a name matched. {@code language} is the language the
	 * ticket's words were indexed in.
	 */
	record Hit(long ticketId, long number, String subject, TicketStatus status, String snippet, float score,
			Instant createdAt, Instant updatedAt, long requesterId, Long accountId, Long assigneeId, long groupId,
			Channel channel, List<String> tags, String language) {
	}
}
