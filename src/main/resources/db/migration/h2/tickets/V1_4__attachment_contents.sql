-- H2 keeps files larger than 1 MB only in a BLOB; PostgreSQL's twin uses bytea.
create table attachment_contents (
    attachment_id bigint primary key references attachments (id),
    data          binary large object not null
);
