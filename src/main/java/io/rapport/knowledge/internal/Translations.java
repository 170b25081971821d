package io.rapport.knowledge.internal;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface Translations extends JpaRepository<ArticleTranslation, Long> {

	Optional<ArticleTranslation> findByLocaleAndSlug(String locale, String slug);

	List<ArticleTranslation> findBySlug(String slug);

	boolean existsByLocaleAndSlug(String locale, String slug);

	/** Every published translation of a public article, for the sitemap. */
	@Query("select t from ArticleTranslation t join fetch t.article a where t.state = 'PUBLISHED' "
			+ "and a.visibility = 'PUBLIC' order by a.id, t.locale")
	List<ArticleTranslation> publishedPublic();

	@Query("select t.article.category.id, count(distinct t.article.id) from ArticleTranslation t "
			+ "where t.state = 'PUBLISHED' and (t.article.visibility = 'PUBLIC' or ?1 = true) "
			+ "and t.article.category is not null group by t.article.category.id")
	List<Object[]> readableCountsByCategory(boolean internalToo);
}
