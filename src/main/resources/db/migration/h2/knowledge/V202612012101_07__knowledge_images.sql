-- Pictures uploaded for articles. H2 keeps files larger than 1 MB only in a BLOB; PostgreSQL's twin uses bytea.
create table kb_images (
    image_key    varchar(40)  primary key,
    filename     varchar(200) not null,
    content_type varchar(50)  not null,
    size_bytes   integer      not null,
    data         binary large object not null,
    author_id    bigint,
    created_at   timestamp with time zone not null
);
