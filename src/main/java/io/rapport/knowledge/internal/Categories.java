package io.rapport.knowledge.internal;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

public interface Categories extends JpaRepository<Category, Long> {

	List<Category> findAllByOrderByPositionAscIdAsc();

	Optional<Category> findBySlug(String slug);

	boolean existsBySlug(String slug);
}
