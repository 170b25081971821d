-- Attachments are mostly compressed files (images, PDFs, archives): PostgreSQL's default TOAST compression (pglz)
-- spends the database's CPU trying to compress them and saves nothing; lz4 compresses what compresses (text files,
-- logs) at a fraction of the cost (2026-12-03, docs/benchmarks.md, the mail benchmark). Only new rows are affected.
-- lz4 needs PostgreSQL 14 built with it (the usual packages are); otherwise the column keeps pglz, and that is all.
do $$
begin
    execute 'alter table attachment_contents alter column data set compression lz4';
exception when feature_not_supported or syntax_error then
    raise notice 'lz4 is not available here: attachment_contents.data keeps the default compression';
end
$$;
