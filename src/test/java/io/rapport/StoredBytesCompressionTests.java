package io.rapport;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * On PostgreSQL the two columns that hold what customers send as it came (raw mails, attachments' bytes) are
 * compressed with lz4, not the default pglz, which spent the database's CPU on attachments that do not compress
 * (docs/benchmarks.md, 2026-12-03). H2 has no such setting.
 */
class StoredBytesCompressionTests extends IntegrationTest {

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void shouldStoreRawMailsAndAttachmentsWithLz4OnPostgres() {
		assumeTrue(TestDatabase.isPostgres(), "a PostgreSQL setting");
		assertThat(compression("inbound_mails", "raw")).isEqualTo("l");
		assertThat(compression("attachment_contents", "data")).isEqualTo("l");
	}

	private String compression(String table, String column) {
		return jdbc.queryForObject("select attcompression::text from pg_attribute where attrelid = ?::regclass "
				+ "and attname = ?", String.class, table, column);
	}
}
