package io.rapport.knowledge.internal;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.rapport.accounts.AccountsApi;
import io.rapport.identity.AuthenticatedUser;
import io.rapport.knowledge.ArticleKind;
import io.rapport.knowledge.internal.ArticleTranslation.State;
import io.rapport.shared.ConflictException;
import io.rapport.tickets.AuthorKind;
import io.rapport.tickets.MessageView;
import io.rapport.tickets.TicketStatus;
import io.rapport.tickets.TicketView;
import io.rapport.tickets.TicketsApi;
import io.rapport.tickets.Visibility;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * An article drafted from a solved ticket: the subject as title, the public conversation as the body (the
 * customer's question, then the team's answers), internal notes left out, and the customer's personal data
 * removed: the requester's name (each part of it), email addresses, phone numbers and the account's name. The
 * draft is internal until an editor rewrites and publishes it.
 */
@Service
public class TicketArticles {

	private static final Pattern EMAIL = Pattern.compile("[\\w.+'-]+@[\\w-]+(\\.[\\w-]+)+");

	/** A phone number: 7 or more digits, with the spaces, dots, dashes, brackets and plus people write. */
	private static final Pattern PHONE = Pattern.compile("(?<![\\w])\\+?\\(?\\d[\\d\\s().-]{5,}\\d(?![\\w])");

	private final TicketsApi tickets;

	private final AccountsApi accounts;

	private final ArticleEditor editor;

	TicketArticles(TicketsApi tickets, AccountsApi accounts, ArticleEditor editor) {
		this.tickets = tickets;
		this.accounts = accounts;
		this.editor = editor;
	}

	@Transactional
	public Article draftFrom(long ticketId, AuthenticatedUser agent) {
		TicketView ticket = tickets.get(ticketId, agent);
		if (ticket.status() != TicketStatus.SOLVED && ticket.status() != TicketStatus.CLOSED) {
			throw ConflictException.of("errors.knowledge.ticket-not-solved");
		}
		Set<String> names = new LinkedHashSet<>();
		if (ticket.requester() != null && ticket.requester().name() != null) {
			names.add(ticket.requester().name().strip());
			for (String part : ticket.requester().name().strip().split("\\s+")) {
				if (part.length() >= 2) {
					names.add(part);
				}
			}
		}
		if (ticket.accountId() != null) {
			accounts.account(ticket.accountId()).ifPresent(a -> names.add(a.name()));
		}
		List<MessageView> messages = tickets.messages(ticketId, agent);
		for (MessageView m : messages) {
			if (m.authorType() != AuthorKind.AGENT && m.authorName() != null) {
				names.add(m.authorName().strip());
			}
		}
		String title = scrub(ticket.subject(), names);
		StringBuilder body = new StringBuilder();
		for (MessageView m : messages) {
			if (m.visibility() != Visibility.PUBLIC || m.autoReply()) {
				continue;
			}
			String text = scrub(Markdown.htmlToText(m.bodyHtml()), names);
			if (text.isBlank()) {
				continue;
			}
			body.append(m.authorType() == AuthorKind.AGENT ? "## Answer\n\n" : "## Question\n\n");
			body.append(text).append("\n\n");
		}
		if (body.isEmpty()) {
			body.append(title);
		}
		Article article = editor.create(new Inputs.NewArticle(ArticleKind.FAQ, null, Article.Visibility.INTERNAL,
				null, null, null, title.length() > ArticleEditor.MAX_TITLE ? title.substring(0, ArticleEditor.MAX_TITLE)
						: title, null, null, body.toString().strip(), List.of(), State.DRAFT, null), agent);
		article.writtenFrom(ticketId);
		return article;
	}

	/** The text without the names given, email addresses and phone numbers. */
	static String scrub(String text, Set<String> names) {
		String out = EMAIL.matcher(text == null ? "" : text).replaceAll("[email]");
		out = PHONE.matcher(out).replaceAll(m -> m.group().replaceAll("\\D", "").length() >= 7 ? "[phone]"
				: Matcher.quoteReplacement(m.group()));
		List<String> longestFirst = new ArrayList<>(names);
		longestFirst.sort((a, b) -> b.length() - a.length());
		for (String name : longestFirst) {
			if (name != null && !name.isBlank()) {
				out = Pattern.compile("(?iu)(?<![\\p{L}\\p{N}])" + Pattern.quote(name) + "(?![\\p{L}\\p{N}])")
					.matcher(out).replaceAll("[customer]");
			}
		}
		return out;
	}
}
