package io.rapport.knowledge.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import org.springframework.stereotype.Component;

/**
 * Which article and locale each translation belongs to, for collapsing a search's window of translations into one
 * hit per article. A translation never changes its article or its locale, so what was read once stays true: the
 * index is asked for translation ids only (doc values), and this map answers the rest, reading the ids it has not
 * seen in one query. Reading the two as stored fields from the index decompressed a block of the stored-fields file
 * per hit, a quarter of an article search's CPU (docs/benchmarks.md, "Search"). Bounded: when full it starts over.
 */
@Component
class TranslationKeys {

	/** A translation's article and locale. */
	record Key(long articleId, String locale) {
	}

	/** About 90 bytes an entry: 20 MB at most. */
	static final int CAPACITY = 200_000;

	private final Map<Long, Key> keys = new ConcurrentHashMap<>();

	@PersistenceContext
	private EntityManager entityManager;

	/** The keys of these translations; a translation deleted meanwhile has none. */
	Map<Long, Key> of(Collection<Long> translationIds) {
		Map<Long, Key> found = new HashMap<>();
		List<Long> missing = new ArrayList<>();
		for (Long id : translationIds) {
			Key key = keys.get(id);
			if (key != null) {
				found.put(id, key);
			}
			else {
				missing.add(id);
			}
		}
		if (!missing.isEmpty()) {
			if (keys.size() + missing.size() > CAPACITY) {
				keys.clear();
			}
			List<Object[]> rows = entityManager
				.createQuery("select t.id, t.article.id, t.locale from ArticleTranslation t where t.id in :ids",
						Object[].class)
				.setParameter("ids", missing)
				.getResultList();
			for (Object[] row : rows) {
				Key key = new Key((Long) row[1], (String) row[2]);
				keys.put((Long) row[0], key);
				found.put((Long) row[0], key);
			}
		}
		return found;
	}
}
