package io.rapport.tickets.internal;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Ids for batch inserts into a table whose entity Hibernate also inserts with a pooled sequence (increment 50).
 * Hibernate reads a drawn value v as the ids v-49 to v, so this does the same: both can write to the table at
 * once without clashing. Not thread-safe: one per import.
 */
final class PooledIds {

	private static final int INCREMENT = 50;

	private final JdbcTemplate jdbc;

	private final String nextval;

	private long next = 1;

	private long last;

	PooledIds(JdbcTemplate jdbc, String sequence) {
		this.jdbc = jdbc;
		this.nextval = "select nextval('" + sequence + "')";
	}

	long next() {
		if (next > last) {
			long value = jdbc.queryForObject(nextval, Long.class);
			last = value;
			next = Math.max(1, value - INCREMENT + 1);
		}
		return next++;
	}
}
