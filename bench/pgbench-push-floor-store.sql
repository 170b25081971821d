-- The floor under storing a pushed mail (issue 6): the raw mail and its decoded files written as the push writes
-- them, one mail per transaction, with nothing else. The mails are the push scenario's own, copied by MailBench's
-- "floor" scenario into side tables (bench_raw, bench_files; kept uncompressed so that reading them costs
-- PostgreSQL next to nothing) and written into tables made like inbound_mails and attachment_contents (same
-- columns, indexes and lz4 compression, no foreign keys). The bytes do not cross the network as the push's do, so
-- this is less than PostgreSQL's share of storing a mail, never more.
-- Run by MailBench with: pgbench -n -M prepared -D mails=<count> -f bench/pgbench-push-floor-store.sql
\set n random(1, :mails)
BEGIN;
INSERT INTO floor_inbound (mailbox_id, dedupe_key, message_id, raw, size_bytes, received_at, status, attempts)
  SELECT 1, gen_random_uuid()::text, NULL, raw, length(raw), now(), 'RECEIVED', 0 FROM bench_raw WHERE n = :n;
INSERT INTO floor_files (attachment_id, data) SELECT nextval('floor_files_seq'), data FROM bench_files WHERE n = :n;
END;
