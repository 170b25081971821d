package io.rapport.knowledge.internal;

import org.springframework.data.jpa.repository.JpaRepository;

public interface KbImageRows extends JpaRepository<KbImage, String> {
}
