package io.rapport.tickets.internal.search;

import java.util.List;

import io.rapport.shared.search.SearchLanguages;

/**
 * The field names of the ticket index. Text goes into one field per language ({@code subject_ro},
 * {@code messages_zh}, {@code notes_any}), analyzed by that language's analyzer; public messages and internal notes
 * are separate fields so that a customer's search never reads a note, not even for a snippet.
 */
final class TicketFields {

	static final String NUMBER = "number";

	static final String STATUS = "status";

	static final String CHANNEL = "channel";

	static final String GROUP = "group";

	static final String ASSIGNEE = "assignee";

	static final String REQUESTER = "requester";

	static final String ACCOUNT = "account";

	static final String TAGS = "tags";

	static final String CREATED = "created";

	static final String LANGUAGE = "language";

	/**
	 * The requester's name and email and the account's name, as the workspace's quick search matched them; the same
	 * text in every language's field, since {@link io.rapport.shared.search.LocalizedQuery} matches all of a query's
	 * words within one language.
	 */
	static final String PEOPLE = "people";

	static final String SUBJECT = "subject";

	static final String MESSAGES = "messages";

	static final String NOTES = "notes";

	/** Every language a text field exists in: the analyzed ones and {@code any}. */
	static final List<String> LANGUAGES = List.of(SearchLanguages.EN, SearchLanguages.ZH, SearchLanguages.RO,
			SearchLanguages.TA, SearchLanguages.EO, SearchLanguages.ANY);

	private TicketFields() {
	}

	static String in(String field, String language) {
		return field + "_" + language;
	}
}
