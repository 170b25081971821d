-- Raw mails are stored as they arrive, and their large part is attachments already compressed or base64 of
-- compressed files: PostgreSQL's default TOAST compression (pglz) spent about a millisecond of the database's CPU per
-- mail of the mail benchmark trying to compress them and saved nothing (2026-12-03, docs/benchmarks.md). lz4 compresses
-- what compresses (the text and HTML of ordinary mails) at a fraction of the cost. Only new rows are affected.
-- lz4 needs PostgreSQL 14 built with it (the usual packages are); otherwise the column keeps pglz, and that is all.
do $$
begin
    execute 'alter table inbound_mails alter column raw set compression lz4';
exception when feature_not_supported or syntax_error then
    raise notice 'lz4 is not available here: inbound_mails.raw keeps the default compression';
end
$$;
