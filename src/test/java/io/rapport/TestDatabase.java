package io.rapport;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.UUID;

import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * Which database the tests run on: H2 (the embedded default) or a real PostgreSQL server, chosen by the system
 * property {@code rapport.test.database} (Maven's second Surefire execution sets {@code postgresql}). Each JVM
 * gets its own schema (PostgreSQL) or in-memory database (H2), so runs never see each other's rows.
 */
public final class TestDatabase {

	public static final String KIND = System.getProperty("rapport.test.database", "h2");

	private static final String RUN = UUID.randomUUID().toString().replace("-", "").substring(0, 12);

	private static final String PG_HOST = env("RAPPORT_TEST_PG_HOST", "127.0.0.1:5432");

	private static final String PG_DATABASE = env("RAPPORT_TEST_PG_DATABASE", "rapport_test");

	private static final String PG_USER = env("RAPPORT_TEST_PG_USER", "postgres");

	private static final String PG_PASSWORD = env("RAPPORT_TEST_PG_PASSWORD", "postgres");

	private TestDatabase() {
	}

	public static boolean isPostgres() {
		return "postgresql".equals(KIND);
	}

	public static void register(DynamicPropertyRegistry registry) {
		register(registry, "");
	}

	/**
	 * A database of its own for a context that runs on a real port with its scheduled jobs on (browser and
	 * server tests): its outbox sender, mail poller and retry job must not take the rows that the shared
	 * {@link IntegrationTest} context's tests create and check. {@code name} tells the databases apart.
	 */
	public static void register(DynamicPropertyRegistry registry, String name) {
		String run = name.isEmpty() ? RUN : RUN + "_" + name;
		// Each context starts on an empty database of its own, so its search index lives and dies with it.
		registry.add("spring.jpa.properties.hibernate.search.backend.directory.type", () -> "local-heap");
		if (isPostgres()) {
			String schema = "t_" + run;
			ensurePostgresDatabase();
			Runtime.getRuntime().addShutdownHook(new Thread(() -> dropSchema(schema)));
			registry.add("spring.datasource.url",
					() -> "jdbc:postgresql://" + PG_HOST + "/" + PG_DATABASE + "?currentSchema=" + schema);
			registry.add("spring.datasource.username", () -> PG_USER);
			registry.add("spring.datasource.password", () -> PG_PASSWORD);
			registry.add("spring.flyway.schemas", () -> schema);
			registry.add("spring.flyway.default-schema", () -> schema);
		}
		else {
			registry.add("spring.datasource.url", () -> "jdbc:h2:mem:rapport-" + run
					+ ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1");
		}
	}

	private static void ensurePostgresDatabase() {
		try (Connection connection = DriverManager.getConnection("jdbc:postgresql://" + PG_HOST + "/postgres", PG_USER,
				PG_PASSWORD); var statement = connection.createStatement()) {
			var exists = statement.executeQuery("select 1 from pg_database where datname = '" + PG_DATABASE + "'");
			if (!exists.next()) {
				statement.execute("create database " + PG_DATABASE);
			}
		}
		catch (SQLException e) {
			throw new IllegalStateException("The PostgreSQL tests need a server at " + PG_HOST + " (user " + PG_USER
					+ "); .ci/run starts one. " + e.getMessage(), e);
		}
	}

	private static void dropSchema(String schema) {
		try (Connection connection = DriverManager.getConnection("jdbc:postgresql://" + PG_HOST + "/" + PG_DATABASE,
				PG_USER, PG_PASSWORD); var statement = connection.createStatement()) {
			statement.execute("drop schema if exists " + schema + " cascade");
		}
		catch (SQLException e) {
			System.err.println("Could not drop test schema " + schema + ": " + e.getMessage());
		}
	}

	private static String env(String name, String fallback) {
		String value = System.getenv(name);
		return value == null || value.isBlank() ? fallback : value;
	}
}
