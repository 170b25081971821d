package io.rapport.identity.internal;

import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

public interface PortalLogins extends JpaRepository<PortalLogin, Long> {

	Optional<PortalLogin> findByEmail(String email);
}
