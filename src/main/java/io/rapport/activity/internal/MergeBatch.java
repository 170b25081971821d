package io.rapport.activity.internal;

import java.sql.BatchUpdateException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * A JDBC batch of {@code merge} statements on H2, where two transactions merging the same new key at once collide:
 * a merge's "not matched" branch does not see the other transaction's uncommitted insert, so the second insert
 * fails on the primary key once the first commits (PostgreSQL's {@code insert ... on conflict} waits and then
 * updates instead). Rapport's own facts of one customer arrive on several listener threads together and meet so
 * on their account's rollup and cohort rows. The rows that failed that way are run again, now finding the row
 * committed; H2 keeps the transaction and the batch's other rows when one statement fails.
 */
final class MergeBatch {

	/** Sets one row's parameters. */
	@FunctionalInterface
	interface Binder<T> {

		void bind(PreparedStatement statement, T row) throws SQLException;
	}

	private static final int ATTEMPTS = 8;

	private MergeBatch() {
	}

	static <T> void run(Connection connection, String sql, List<T> rows, Binder<T> binder) throws SQLException {
		List<T> pending = rows;
		for (int attempt = 1; !pending.isEmpty(); attempt++) {
			try (PreparedStatement statement = connection.prepareStatement(sql)) {
				for (T row : pending) {
					binder.bind(statement, row);
					statement.addBatch();
				}
				statement.executeBatch();
				return;
			}
			catch (BatchUpdateException failure) {
				if (attempt == ATTEMPTS || !duplicateKey(failure)) {
					throw failure;
				}
				pending = failed(pending, failure.getUpdateCounts());
				pause(attempt);
			}
		}
	}

	/** The rows a batch did not apply: those marked failed, and any the driver did not reach. */
	private static <T> List<T> failed(List<T> rows, int[] counts) {
		List<T> failed = new ArrayList<>();
		for (int i = 0; i < rows.size(); i++) {
			if (i >= counts.length || counts[i] == Statement.EXECUTE_FAILED) {
				failed.add(rows.get(i));
			}
		}
		return failed;
	}

	private static boolean duplicateKey(SQLException failure) {
		for (Throwable t = failure; t != null; t = t.getCause()) {
			if (t instanceof SQLException sql) {
				for (SQLException e = sql; e != null; e = e.getNextException()) {
					if ("23505".equals(e.getSQLState())) {
						return true;
					}
				}
			}
		}
		return false;
	}

	/** The other transaction is a listener's, a few milliseconds long: 2, 4, 8 … ms between tries. */
	private static void pause(int attempt) throws SQLException {
		try {
			Thread.sleep(1L << attempt);
		}
		catch (InterruptedException interrupted) {
			Thread.currentThread().interrupt();
			throw new SQLException("interrupted while retrying a merge", interrupted);
		}
	}
}
