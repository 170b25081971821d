package io.rapport.identity.internal;

import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

public interface Groups extends JpaRepository<Group, Long> {

	Optional<Group> findByKey(String key);
}
