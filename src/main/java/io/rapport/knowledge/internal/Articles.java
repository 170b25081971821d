package io.rapport.knowledge.internal;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface Articles extends JpaRepository<Article, Long> {

	@Query("select a from Article a where a.category.id = ?1 order by a.position, a.id")
	List<Article> inCategory(long categoryId);

	@Query("select count(a) from Article a where a.category.id = ?1")
	long countInCategory(long categoryId);
}
