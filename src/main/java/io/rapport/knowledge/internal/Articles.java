package io.rapport.knowledge.internal;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface Articles extends JpaRepository<Article, Long> {

	@Query("select a from Article a where a.category.id = ?1 order by a.position, a.id")
	List<Article> inCategory(long categoryId);

	/** The article with its translations loaded, so pages can show them after the transaction. */
	@Query("select a from Article a left join fetch a.translations where a.id = ?1")
	java.util.Optional<Article> withTranslations(long id);

	@Query("select count(a) from Article a where a.category.id = ?1")
	long countInCategory(long categoryId);
}
