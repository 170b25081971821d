-- Synonyms per locale, edited by admins under Admin → Search (docs/search.md): each row a group of terms that
-- mean the same (words or short phrases), one per line; queries are expanded with them at search time.
create sequence search_synonyms_seq start with 1 increment by 50;

create table search_synonyms (
    id         bigint primary key,
    locale     varchar(16)   not null,
    terms      varchar(2000) not null,
    created_at timestamp with time zone not null,
    updated_at timestamp with time zone not null,
    version    bigint        not null
);

create index search_synonyms_locale on search_synonyms (locale);
