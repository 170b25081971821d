package io.rapport.tickets.internal;

import javax.sql.DataSource;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Hands out ticket ids from {@code tickets_seq} in blocks of {@link #BLOCK}, one database round trip per block.
 * The sequence steps by the same amount, so every node draws its own blocks and no two ids clash. Like any
 * sequence value, a drawn id is never given back, so numbers may have gaps.
 */
@Component
class IdBlocks {

	static final int BLOCK = 50;

	private final JdbcTemplate jdbc;

	private long next;

	private long end;

	IdBlocks(DataSource dataSource) {
		this.jdbc = new JdbcTemplate(dataSource);
	}

	synchronized long nextTicketId() {
		if (next >= end) {
			Long start = jdbc.queryForObject("select nextval('tickets_seq')", Long.class);
			next = start;
			end = start + BLOCK;
		}
		return next++;
	}
}
