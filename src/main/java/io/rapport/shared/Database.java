package io.rapport.shared;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;

import javax.sql.DataSource;

import org.springframework.stereotype.Component;

/**
 * Which database runs, asked once at start: PostgreSQL gets COPY, partitions, array parameters and upserts; H2
 * (embedded) plain SQL that works there.
 */
@Component
public class Database {

	private final boolean postgres;

	Database(DataSource dataSource) throws SQLException {
		try (Connection connection = dataSource.getConnection()) {
			postgres = connection.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT).contains("postgres");
		}
	}

	public boolean postgres() {
		return postgres;
	}
}
