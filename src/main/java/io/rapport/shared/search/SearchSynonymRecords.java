package io.rapport.shared.search;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

interface SearchSynonymRecords extends JpaRepository<SearchSynonym, Long> {

	List<SearchSynonym> findByLocaleOrderByIdAsc(String locale);

}
