package io.rapport.shared;

import org.springframework.beans.factory.InitializingBean;
import org.springframework.context.annotation.Profile;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * The {@code prod} profile refuses the embedded database (production data belongs in PostgreSQL) and a bcrypt
 * cost below 10 (the low cost is for tests only).
 */
@Component
@Profile("prod")
class ProductionGuard implements InitializingBean {

	private final Environment environment;

	ProductionGuard(Environment environment) {
		this.environment = environment;
	}

	@Override
	public void afterPropertiesSet() {
		String url = environment.getProperty("spring.datasource.url", "");
		if (url.isBlank() || url.startsWith("jdbc:h2:")) {
			throw new IllegalStateException("The prod profile needs PostgreSQL: set SPRING_DATASOURCE_URL, "
					+ "SPRING_DATASOURCE_USERNAME and SPRING_DATASOURCE_PASSWORD (see docs/deploy.md). "
					+ "The embedded H2 database is for trials only.");
		}
		if (environment.getProperty("rapport.security.bcrypt-strength", Integer.class, 10) < 10) {
			throw new IllegalStateException("The prod profile needs rapport.security.bcrypt-strength of 10 or more.");
		}
	}
}
