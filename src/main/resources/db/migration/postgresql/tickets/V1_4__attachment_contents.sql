-- PostgreSQL keeps file bytes in bytea; H2's twin uses a BLOB.
create table attachment_contents (
    attachment_id bigint primary key references attachments (id),
    data          bytea not null
);
