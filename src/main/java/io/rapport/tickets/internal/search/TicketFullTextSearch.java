package io.rapport.tickets.internal.search;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import io.rapport.identity.AuthenticatedUser;
import io.rapport.identity.IdentityApi;
import io.rapport.shared.InvalidInputException;
import io.rapport.shared.search.LocalizedQuery;
import io.rapport.shared.search.SearchLanguages;
import io.rapport.shared.search.SearchSynonyms;
import io.rapport.tickets.TicketSearch;
import io.rapport.tickets.internal.Ticket;
import io.rapport.tickets.internal.TicketAccess;
import jakarta.persistence.EntityManager;
import org.hibernate.search.engine.search.predicate.SearchPredicate;
import org.hibernate.search.engine.search.predicate.dsl.PredicateFinalStep;
import org.hibernate.search.engine.search.predicate.dsl.SearchPredicateFactory;
import org.hibernate.search.engine.search.projection.dsl.ProjectionFinalStep;
import org.hibernate.search.engine.search.query.SearchResult;
import org.hibernate.search.mapper.orm.Search;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * {@link TicketSearch} on the ticket index. The words are matched in every language's fields, those of the asker's
 * language ranked first; the filters narrow without scoring; a customer's search is always narrowed to the tickets
 * they requested and reads only subjects and public messages. Every hit is the ticket as stored now, loaded from the
 * database, and passes {@link TicketAccess} like a read by id.
 */
@Service
class TicketFullTextSearch implements TicketSearch {

	/** Beyond this many results pages stop: nobody reads page 400, and deep pages cost the index. */
	static final int MAX_RESULTS = 10_000;

	static final int SNIPPET_CHARS = 180;

	private final EntityManager entityManager;

	private final TicketAccess access;

	private final IdentityApi identity;

	private final SearchSynonyms synonyms;

	TicketFullTextSearch(EntityManager entityManager, TicketAccess access, IdentityApi identity,
			SearchSynonyms synonyms) {
		this.entityManager = entityManager;
		this.access = access;
		this.identity = identity;
		this.synonyms = synonyms;
	}

	@Override
	@Transactional(readOnly = true)
	public Hits search(Query query, AuthenticatedUser by) {
		if (!by.isAgent() && !by.isContact()) {
			return new Hits(0, query.page(), query.size(), List.of());
		}
		if ((long) (query.page() + 1) * query.size() > MAX_RESULTS) {
			throw InvalidInputException.of("page", "errors.ticket-search.too-deep", MAX_RESULTS);
		}
		if (query.from() != null && query.to() != null && query.from().isAfter(query.to())) {
			throw InvalidInputException.of("to", "errors.ticket-search.range");
		}
		Long groupId = by.isAgent() && query.group() != null ? identity.requireGroup("group", query.group()).id()
				: null;
		String text = query.text() == null ? "" : query.text().strip();
		String language = SearchLanguages.analyzerFor(query.locale());
		LocalizedQuery words = text.isEmpty() ? null : words(text, query.locale(), by.isAgent());
		List<SnippetField> snippetFields = words == null ? List.of() : snippetFields(language, by.isAgent());
		var session = Search.session(entityManager);
		SearchResult<List<?>> result = session.search(Ticket.class)
			.select(f -> {
				List<ProjectionFinalStep<?>> columns = new ArrayList<>();
				columns.add(f.entity());
				columns.add(f.score());
				columns.add(f.field(TicketFields.LANGUAGE, String.class));
				snippetFields.forEach(field -> columns.add(f.field(field.name(), String.class).list()));
				return f.composite().from(columns.toArray(ProjectionFinalStep<?>[]::new)).asList();
			})
			.where((f, root) -> {
				root.add(f.matchAll());
				filters(f, root::add, query, groupId, by);
				if (words != null) {
					root.add(predicate(f, words, text).toPredicate());
				}
			})
			.sort(f -> text.isEmpty() ? f.field(TicketFields.CREATED).desc() : f.score())
			.fetch(query.page() * query.size(), query.size());
		List<Hit> hits = new ArrayList<>();
		for (List<?> row : result.hits()) {
			Ticket ticket = (Ticket) row.get(0);
			if (ticket == null || !access.maySee(ticket, by)) {
				continue;
			}
			hits.add(hit(ticket, text.isEmpty() ? 0 : (Float) row.get(1), (String) row.get(2),
					snippet(words, snippetFields, row.subList(3, row.size()))));
		}
		return new Hits(Math.min(result.total().hitCountLowerBound(), MAX_RESULTS), query.page(), query.size(),
				hits);
	}

	private void filters(SearchPredicateFactory f, java.util.function.Consumer<SearchPredicate> add, Query query,
			Long groupId, AuthenticatedUser by) {
		if (by.isContact()) {
			// the access rule, whatever the filters say
			add.accept(f.match().field(TicketFields.REQUESTER).matching(by.id()).toPredicate());
		}
		if (!query.statuses().isEmpty()) {
			add.accept(f.terms().field(TicketFields.STATUS)
				.matchingAny(query.statuses().stream().map(Enum::name).toList()).toPredicate());
		}
		if (!query.channels().isEmpty()) {
			add.accept(f.terms().field(TicketFields.CHANNEL)
				.matchingAny(query.channels().stream().map(Enum::name).toList()).toPredicate());
		}
		if (by.isAgent() && query.requester() != null) {
			add.accept(f.match().field(TicketFields.REQUESTER).matching(query.requester()).toPredicate());
		}
		if (by.isAgent()) {
			teamFilters(f, add, query, groupId);
		}
		if (query.from() != null) {
			add.accept(f.range().field(TicketFields.CREATED)
				.atLeast(query.from().atStartOfDay(ZoneOffset.UTC).toInstant()).toPredicate());
		}
		if (query.to() != null) {
			add.accept(f.range().field(TicketFields.CREATED)
				.lessThan(dayAfter(query.to()).atStartOfDay(ZoneOffset.UTC).toInstant()).toPredicate());
		}
	}

	/** What only the team may filter by: it says who works on a ticket, which customers do not see. */
	private static void teamFilters(SearchPredicateFactory f, java.util.function.Consumer<SearchPredicate> add,
			Query query, Long groupId) {
		if (groupId != null) {
			add.accept(f.match().field(TicketFields.GROUP).matching(groupId).toPredicate());
		}
		if (query.assignee() != null) {
			add.accept(f.match().field(TicketFields.ASSIGNEE).matching(query.assignee()).toPredicate());
		}
		if (query.unassigned()) {
			add.accept(f.not(f.exists().field(TicketFields.ASSIGNEE)).toPredicate());
		}
		if (query.account() != null) {
			add.accept(f.match().field(TicketFields.ACCOUNT).matching(query.account()).toPredicate());
		}
		if (!query.tags().isEmpty()) {
			add.accept(f.terms().field(TicketFields.TAGS)
				.matchingAny(query.tags().stream().map(tag -> tag.strip().toLowerCase(Locale.ROOT)).toList())
				.toPredicate());
		}
	}

	/**
	 * The words as the search layer reads them everywhere ({@link LocalizedQuery}): each language's fields with its
	 * own analyzer, the asker's language first, typo tolerance and the admins' synonyms; subjects above messages and
	 * notes. A number (with or without {@code #}) also finds the ticket it numbers, first.
	 */
	private LocalizedQuery words(String text, String locale, boolean agent) {
		LocalizedQuery words = LocalizedQuery.of(text, locale)
			.field(TicketFields.SUBJECT, 3f)
			.field(TicketFields.MESSAGES, 2f)
			.synonyms(synonyms.of(locale));
		if (agent) {
			words.field(TicketFields.NOTES, 2f).field(TicketFields.PEOPLE, 1.5f);
		}
		return words;
	}

	private static PredicateFinalStep predicate(SearchPredicateFactory f, LocalizedQuery words, String text) {
		String digits = text.startsWith("#") ? text.substring(1) : text;
		if (!digits.matches("\\d{1,18}")) {
			return words.toPredicate(f);
		}
		return f.or(f.match().field(TicketFields.NUMBER).matching(Long.parseLong(digits)).boost(50f),
				words.toPredicate(f));
	}

	/** A stored text field snippets are taken from, and the language its text is in. */
	private record SnippetField(String name, String language) {
	}

	/**
	 * Where snippets come from, in the order they are preferred: public messages in the asker's language, then in
	 * the others, then (agents only) notes.
	 */
	private static List<SnippetField> snippetFields(String language, boolean agent) {
		List<String> languages = new ArrayList<>();
		languages.add(language);
		TicketFields.LANGUAGES.stream().filter(other -> !other.equals(language)).forEach(languages::add);
		List<SnippetField> fields = new ArrayList<>();
		languages.forEach(l -> fields.add(new SnippetField(TicketFields.in(TicketFields.MESSAGES, l), l)));
		if (agent) {
			languages.forEach(l -> fields.add(new SnippetField(TicketFields.in(TicketFields.NOTES, l), l)));
		}
		return fields;
	}

	/**
	 * The first fragment where the words are marked, from the hit's stored texts in the order of
	 * {@link #snippetFields}, marked in-process with each text's language as the query matched it (the index keeps
	 * no term vectors: docs/search.md), as safe HTML; null when no text has the words (a match on the subject, the
	 * number or the people only).
	 */
	private static String snippet(LocalizedQuery words, List<SnippetField> fields, List<?> texts) {
		for (int i = 0; i < fields.size(); i++) {
			List<?> values = (List<?>) texts.get(i);
			if (values == null) {
				continue;
			}
			for (Object value : values) {
				String fragment = words.snippet(fields.get(i).language(), (String) value, SNIPPET_CHARS);
				if (fragment != null) {
					return fragment;
				}
			}
		}
		return null;
	}

	private static Hit hit(Ticket ticket, float score, String language, String snippet) {
		return new Hit(ticket.getId(), ticket.getNumber(), ticket.getSubject(), ticket.getStatus(), snippet, score,
				ticket.getCreatedAt(), ticket.getUpdatedAt(), ticket.getRequesterId(), ticket.getAccountId(),
				ticket.getAssigneeId(), ticket.getGroupId(), ticket.getChannel(), List.copyOf(ticket.getTags()),
				language);
	}

	private static LocalDate dayAfter(LocalDate day) {
		return day.equals(LocalDate.MAX) ? day : day.plusDays(1);
	}
}
