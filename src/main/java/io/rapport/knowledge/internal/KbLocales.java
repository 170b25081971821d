package io.rapport.knowledge.internal;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

public interface KbLocales extends JpaRepository<KbLocale, String> {

	List<KbLocale> findAllByOrderByPositionAscCodeAsc();

	List<KbLocale> findByEnabledTrueOrderByPositionAscCodeAsc();
}
