package io.rapport.activity.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;

import javax.sql.DataSource;

import org.springframework.stereotype.Component;

/** Which database runs: PostgreSQL gets COPY, partitions and upserts; H2 (embedded) plain SQL that works there. */
@Component
class Database {

	private final boolean postgres;

	Database(DataSource dataSource) throws SQLException {
		try (Connection connection = dataSource.getConnection()) {
			postgres = connection.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT).contains("postgres");
		}
	}

	boolean postgres() {
		return postgres;
	}
}
