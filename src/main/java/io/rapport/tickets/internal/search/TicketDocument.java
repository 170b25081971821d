package io.rapport.tickets.internal.search;

import java.time.Instant;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.rapport.shared.search.LanguageGuess;
import io.rapport.shared.search.SearchLanguages;
import io.rapport.tickets.Visibility;
import io.rapport.tickets.internal.Ticket;
import org.hibernate.FlushMode;
import org.hibernate.Session;
import org.hibernate.search.engine.backend.document.DocumentElement;
import org.hibernate.search.engine.backend.document.IndexFieldReference;
import org.hibernate.search.engine.backend.document.model.dsl.IndexSchemaElement;
import org.hibernate.search.engine.backend.types.Highlightable;
import org.hibernate.search.engine.backend.types.Projectable;
import org.hibernate.search.engine.backend.types.Sortable;
import org.hibernate.search.engine.backend.types.TermVector;
import org.hibernate.search.engine.backend.types.dsl.IndexFieldTypeFactory;
import org.hibernate.search.engine.backend.types.IndexFieldType;
import org.hibernate.search.mapper.orm.HibernateOrmExtension;
import org.hibernate.search.mapper.pojo.bridge.TypeBridge;
import org.hibernate.search.mapper.pojo.bridge.binding.TypeBindingContext;
import org.hibernate.search.mapper.pojo.bridge.mapping.programmatic.TypeBinder;
import org.hibernate.search.mapper.pojo.bridge.runtime.TypeBridgeWriteContext;

/**
 * What a ticket is in the index: one document holding its subject, its public messages and its internal notes,
 * each text in the fields of its language ({@link TicketFields}), plus the keyword and number fields the filters
 * and the access rule read. The conversation is read from the database when the document is built, in the session
 * that builds it (the ticket has no collection of messages), with one query, except for a ticket opened in that
 * session, whose messages are all in hand ({@code Ticket.conversationOpenedHere}); {@link TicketIndexing} asks for the
 * document again whenever a message is posted. Why one document per ticket rather than one per message: see
 * docs/search.md.
 */
public class TicketDocument implements TypeBinder {

	/** A message's words beyond this are not indexed: a pasted log must not make one ticket a megabyte. */
	static final int MESSAGE_CHARS = 20_000;

	/** How much of the conversation decides the ticket's language, with the subject. */
	private static final int LANGUAGE_SAMPLE = 2_000;

	@Override
	public void bind(TypeBindingContext context) {
		context.dependencies()
			.use("number")
			.use("subject")
			.use("status")
			.use("channel")
			.use("groupId")
			.use("assigneeId")
			.use("requesterId")
			.use("accountId")
			.use("tags")
			.use("createdAt")
			.use("searchKey")
			.use("requesterLocale");
		IndexSchemaElement schema = context.indexSchemaElement();
		IndexFieldTypeFactory types = context.typeFactory();
		Fields fields = new Fields();
		fields.number = schema.field(TicketFields.NUMBER, types.asLong().projectable(Projectable.NO)).toReference();
		fields.status = schema.field(TicketFields.STATUS, types.asString()).toReference();
		fields.channel = schema.field(TicketFields.CHANNEL, types.asString()).toReference();
		fields.group = schema.field(TicketFields.GROUP, types.asLong()).toReference();
		fields.assignee = schema.field(TicketFields.ASSIGNEE, types.asLong()).toReference();
		fields.requester = schema.field(TicketFields.REQUESTER, types.asLong()).toReference();
		fields.account = schema.field(TicketFields.ACCOUNT, types.asLong()).toReference();
		fields.tags = schema.field(TicketFields.TAGS, types.asString()).multiValued().toReference();
		fields.created = schema.field(TicketFields.CREATED, types.asInstant().sortable(Sortable.YES)).toReference();
		fields.language = schema.field(TicketFields.LANGUAGE, types.asString().projectable(Projectable.YES))
			.toReference();
		for (String language : TicketFields.LANGUAGES) {
			IndexFieldType<String> text = types.asString()
				.analyzer(language)
				.projectable(Projectable.YES)
				// no term vectors: writing and merging them was a third of indexing a new ticket; the unified
				// highlighter reads a hit's stored text again with its analyzer
				.termVector(TermVector.NO)
				.highlightable(EnumSet.of(Highlightable.UNIFIED))
				.toIndexFieldType();
			fields.subject.put(language,
					schema.field(TicketFields.in(TicketFields.SUBJECT, language), text).toReference());
			fields.messages.put(language,
					schema.field(TicketFields.in(TicketFields.MESSAGES, language), text).multiValued().toReference());
			fields.notes.put(language,
					schema.field(TicketFields.in(TicketFields.NOTES, language), text).multiValued().toReference());
			fields.people.put(language, schema.field(TicketFields.in(TicketFields.PEOPLE, language),
					types.asString().analyzer(language)).toReference());
		}
		context.bridge(Ticket.class, new Bridge(fields));
	}

	private static final class Fields {

		IndexFieldReference<Long> number;

		IndexFieldReference<String> status;

		IndexFieldReference<String> channel;

		IndexFieldReference<Long> group;

		IndexFieldReference<Long> assignee;

		IndexFieldReference<Long> requester;

		IndexFieldReference<Long> account;

		IndexFieldReference<String> tags;

		IndexFieldReference<Instant> created;

		IndexFieldReference<String> language;

		final Map<String, IndexFieldReference<String>> people = new HashMap<>();

		final Map<String, IndexFieldReference<String>> subject = new HashMap<>();

		final Map<String, IndexFieldReference<String>> messages = new HashMap<>();

		final Map<String, IndexFieldReference<String>> notes = new HashMap<>();
	}

	private static final class Bridge implements TypeBridge<Ticket> {

		private final Fields fields;

		Bridge(Fields fields) {
			this.fields = fields;
		}

		@Override
		public void write(DocumentElement target, Ticket ticket, TypeBridgeWriteContext context) {
			target.addValue(fields.number, ticket.getNumber());
			target.addValue(fields.status, ticket.getStatus().name());
			target.addValue(fields.channel, ticket.getChannel().name());
			target.addValue(fields.group, ticket.getGroupId());
			target.addValue(fields.assignee, ticket.getAssigneeId());
			target.addValue(fields.requester, ticket.getRequesterId());
			target.addValue(fields.account, ticket.getAccountId());
			ticket.getTags().forEach(tag -> target.addValue(fields.tags, tag));
			target.addValue(fields.created, ticket.getCreatedAt());
			if (ticket.getSearchKey() != null) {
				// names are in no language: every language's field has them, so a query in any language finds them
				fields.people.values().forEach(field -> target.addValue(field, ticket.getSearchKey()));
			}
			List<Text> conversation = ticket.conversationOpenedHere()
				.map(messages -> texts(messages.stream().map(m -> new Object[] { m.getVisibility(), m.getBodyHtml() })))
				.orElseGet(() -> conversation(context, ticket.getId()));
			String language = ticketLanguage(ticket, conversation);
			target.addValue(fields.language, language);
			target.addValue(fields.subject.get(language), ticket.getSubject());
			for (Text message : conversation) {
				String own = LanguageGuess.of(message.text(), language);
				target.addValue((message.internal() ? fields.notes : fields.messages).get(own), message.text());
			}
		}

		private static String ticketLanguage(Ticket ticket, List<Text> conversation) {
			StringBuilder sample = new StringBuilder(ticket.getSubject());
			for (Text message : conversation) {
				if (sample.length() >= LANGUAGE_SAMPLE) {
					break;
				}
				if (!message.internal()) {
					sample.append('\n').append(message.text(), 0, Math.min(message.text().length(), LANGUAGE_SAMPLE));
				}
			}
			return LanguageGuess.of(sample.toString(), ticket.getRequesterLocale());
		}

		/** The ticket's messages as text, oldest first; read without flushing, as this runs inside a flush. */
		private static List<Text> conversation(TypeBridgeWriteContext context, Long ticketId) {
			Session session = context.extension(HibernateOrmExtension.get()).session();
			return texts(session
				.createSelectionQuery("select m.visibility, m.bodyHtml from Message m where m.ticketId = :ticket "
						+ "order by m.createdAt, m.id", Object[].class)
				.setParameter("ticket", ticketId)
				.setHibernateFlushMode(FlushMode.MANUAL)
				.setReadOnly(true)
				.getResultList()
				.stream());
		}

		/** (visibility, body HTML) rows as the texts the document holds. */
		private static List<Text> texts(java.util.stream.Stream<Object[]> rows) {
			return rows.map(row -> new Text(row[0] == Visibility.INTERNAL, cut(HtmlText.of((String) row[1]))))
				.filter(text -> !text.text().isEmpty())
				.toList();
		}

		private static String cut(String text) {
			return text.length() <= MESSAGE_CHARS ? text : text.substring(0, MESSAGE_CHARS);
		}
	}

	private record Text(boolean internal, String text) {
	}
}
