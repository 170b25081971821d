package io.rapport.tickets.internal;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import io.rapport.tickets.AuthorKind;
import io.rapport.tickets.TicketLookup;
import io.rapport.tickets.TicketType;
import io.rapport.tickets.TicketView;
import io.rapport.tickets.Visibility;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

@Component
class TicketLookups implements TicketLookup {

	private final Tickets tickets;

	private final TicketViews views;

	@PersistenceContext
	private EntityManager entityManager;

	TicketLookups(Tickets tickets, TicketViews views) {
		this.tickets = tickets;
		this.views = views;
	}

	@Override
	@Transactional(readOnly = true)
	public Optional<TicketView> find(long id) {
		return tickets.findById(id).map(views::view);
	}

	@Override
	@Transactional(readOnly = true)
	public Optional<TicketHeader> header(long id) {
		return tickets.findById(id).map(ticket -> new TicketHeader(ticket.getId(), ticket.getNumber(),
				ticket.getSubject(), ticket.getAssigneeId(), ticket.getRequesterId()));
	}

	@Override
	@Transactional(readOnly = true)
	public List<TicketSummary> ofTypes(Set<TicketType> types, long afterId, int limit) {
		if (types.isEmpty() || limit <= 0) {
			return List.of();
		}
		return entityManager
			.createQuery("select t from Ticket t where t.type in :types and t.id > :after order by t.id", Ticket.class)
			.setParameter("types", types)
			.setParameter("after", afterId)
			.setMaxResults(limit)
			.getResultList()
			.stream()
			.map(TicketLookups::summary)
			.toList();
	}

	@Override
	@Transactional(readOnly = true)
	public Optional<TicketSummary> summary(long id) {
		return tickets.findById(id).map(TicketLookups::summary);
	}

	@Override
	@Transactional(readOnly = true)
	public Map<Long, String> firstCustomerWords(Collection<Long> ticketIds, int maxLength) {
		Map<Long, String> words = new LinkedHashMap<>();
		if (ticketIds.isEmpty()) {
			return words;
		}
		List<Message> messages = entityManager.createQuery("""
				select m from Message m where m.ticketId in :ids and m.visibility = :public and m.autoReply = false
				and (m.authorKind = :contact or m.onBehalfOfContactId is not null)
				order by m.createdAt, m.id""", Message.class)
			.setParameter("ids", ticketIds)
			.setParameter("public", Visibility.PUBLIC)
			.setParameter("contact", AuthorKind.CONTACT)
			.getResultList();
		for (Message message : messages) {
			if (!words.containsKey(message.getTicketId())) {
				String text = PlainText.of(message.getBodyHtml()).replaceAll("\\s+", " ").strip();
				if (!text.isEmpty()) {
					words.put(message.getTicketId(), text.length() > maxLength
							? text.substring(0, Math.max(0, maxLength - 1)).strip() + "…" : text);
				}
			}
		}
		return words;
	}

	private static TicketSummary summary(Ticket ticket) {
		return new TicketSummary(ticket.getId(), ticket.getNumber(), ticket.getSubject(), ticket.getType(),
				ticket.getStatus(), ticket.getRequesterId(), ticket.getAccountId(), ticket.getCreatedAt());
	}

	@Override
	@Transactional(readOnly = true)
	public Map<Long, java.time.Instant> lastTicketByRequester(long accountId) {
		Map<Long, java.time.Instant> last = new LinkedHashMap<>();
		entityManager.createQuery("select t.requesterId, max(t.createdAt) from Ticket t where t.accountId = :account "
				+ "group by t.requesterId", Object[].class).setParameter("account", accountId).getResultList()
			.forEach(row -> last.put((Long) row[0], (java.time.Instant) row[1]));
		return last;
	}
}
