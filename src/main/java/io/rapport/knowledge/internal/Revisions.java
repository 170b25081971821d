package io.rapport.knowledge.internal;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

public interface Revisions extends JpaRepository<Revision, Long> {

	List<Revision> findByTranslationIdOrderByNumberDesc(long translationId);

	Optional<Revision> findByTranslationIdAndNumber(long translationId, int number);
}
