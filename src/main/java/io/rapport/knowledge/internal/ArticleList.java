package io.rapport.knowledge.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.rapport.knowledge.ArticleKind;
import io.rapport.knowledge.KnowledgeApi.Audience;
import io.rapport.knowledge.KnowledgeApi.SearchHit;
import io.rapport.shared.PageResult;

import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Articles as editors and the API list them: filtered by category (a top-level category includes its
 * subcategories), kind, visibility, the state and locale of a translation, and outdated translations; newest
 * change first. With words ({@code q}) the list is a search, best match first. Customers list published public
 * articles only, whatever they ask.
 */
@Component
public class ArticleList {

	public record Filter(Long categoryId, ArticleKind kind, ArticleTranslation.State state, String locale,
			Article.Visibility visibility, boolean outdated, String q) {
	}

	@PersistenceContext
	private EntityManager entityManager;

	private final ArticleSearch search;

	ArticleList(ArticleSearch search) {
		this.search = search;
	}

	@Transactional(readOnly = true)
	public PageResult<Article> page(Filter filter, Audience audience, int page, int size) {
		if (filter.q() != null && !filter.q().isBlank()) {
			return searched(filter, audience, page, size);
		}
		StringBuilder where = new StringBuilder(" where 1 = 1");
		Map<String, Object> params = new HashMap<>();
		boolean customer = audience != Audience.AGENT;
		if (customer) {
			where.append(" and a.visibility = :public");
			params.put("public", Article.Visibility.PUBLIC);
		}
		else if (filter.visibility() != null) {
			where.append(" and a.visibility = :visibility");
			params.put("visibility", filter.visibility());
		}
		if (filter.categoryId() != null) {
			where.append(" and (a.category.id = :category or a.category.parent.id = :category)");
			params.put("category", filter.categoryId());
		}
		if (filter.kind() != null) {
			where.append(" and a.kind = :kind");
			params.put("kind", filter.kind());
		}
		ArticleTranslation.State state = customer ? ArticleTranslation.State.PUBLISHED : filter.state();
		if (state != null || filter.locale() != null || filter.outdated()) {
			where.append(" and exists (select t from ArticleTranslation t where t.article = a");
			if (state != null) {
				where.append(" and t.state = :state");
				params.put("state", state);
			}
			if (filter.locale() != null) {
				where.append(" and t.locale = :locale");
				params.put("locale", filter.locale());
			}
			if (filter.outdated() && !customer) {
				where.append(" and t.locale <> a.defaultLocale and exists (select s from ArticleTranslation s"
						+ " where s.article = a and s.locale = a.defaultLocale"
						+ " and (t.sourceRevision is null or t.sourceRevision < s.revision))");
			}
			where.append(")");
		}
		TypedQuery<Long> count = entityManager.createQuery("select count(a) from Article a" + where, Long.class);
		TypedQuery<Article> query = entityManager
			.createQuery("select a from Article a" + where + " order by a.updatedAt desc, a.id desc", Article.class);
		params.forEach((k, v) -> {
			count.setParameter(k, v);
			query.setParameter(k, v);
		});
		List<Article> items = query.setFirstResult(page * size).setMaxResults(size).getResultList();
		return new PageResult<>(items, page, size, count.getSingleResult());
	}

	private PageResult<Article> searched(Filter filter, Audience audience, int page, int size) {
		boolean customer = audience != Audience.AGENT;
		ArticleSearch.Filter restriction = new ArticleSearch.Filter(filter.categoryId(),
				filter.kind() == null ? null : filter.kind().name(),
				customer ? ArticleTranslation.State.PUBLISHED.name()
						: filter.state() == null ? null : filter.state().name(),
				filter.locale(), !customer && filter.state() == null,
				customer ? null : filter.visibility() == null ? null : filter.visibility().name());
		var results = search.search(filter.q(), filter.locale(), audience, restriction, page * size, size);
		List<Article> items = new ArrayList<>();
		for (SearchHit hit : results.hits()) {
			items.add(entityManager.find(Article.class, hit.article().articleId()));
		}
		return new PageResult<>(items, page, size, results.total());
	}
}
