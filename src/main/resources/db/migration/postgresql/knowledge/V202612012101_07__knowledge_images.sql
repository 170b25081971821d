-- Pictures uploaded for articles. PostgreSQL keeps file bytes in bytea; H2's twin uses a BLOB.
create table kb_images (
    image_key    varchar(40)  primary key,
    filename     varchar(200) not null,
    content_type varchar(50)  not null,
    size_bytes   integer      not null,
    data         bytea        not null,
    author_id    bigint,
    created_at   timestamp with time zone not null
);
