-- The knowledge base: locales articles are written in, categories (two levels), articles, one translation per
-- locale, and every saved version of a translation (its revisions).

create table kb_locales (
    code        varchar(10)  primary key,
    name        varchar(100) not null,
    enabled     boolean      not null,
    position    integer      not null
);

insert into kb_locales (code, name, enabled, position) values ('en', 'English', true, 0);
insert into kb_locales (code, name, enabled, position) values ('zh', '中文', true, 1);
insert into kb_locales (code, name, enabled, position) values ('ro', 'Română', true, 2);
insert into kb_locales (code, name, enabled, position) values ('ta', 'தமிழ்', true, 3);
insert into kb_locales (code, name, enabled, position) values ('eo', 'Esperanto', true, 4);

create sequence kb_categories_seq start with 1 increment by 50;

create table kb_categories (
    id          bigint       primary key,
    parent_id   bigint       references kb_categories (id),
    slug        varchar(100) not null unique,
    position    integer      not null,
    version     bigint       not null,
    created_at  timestamp with time zone not null
);

create index kb_categories_parent on kb_categories (parent_id, position);

-- a category's name and description in each locale it was named in (the default locale's always)
create table kb_category_names (
    category_id bigint       not null references kb_categories (id) on delete cascade,
    locale      varchar(10)  not null,
    name        varchar(200) not null,
    description varchar(1000),
    primary key (category_id, locale)
);

create sequence kb_articles_seq start with 1 increment by 50;

create table kb_articles (
    id             bigint       primary key,
    -- GUIDE, WALKTHROUGH, FAQ, CASE_STUDY, VIDEO
    kind           varchar(20)  not null,
    category_id    bigint       references kb_categories (id),
    -- PUBLIC, INTERNAL
    visibility     varchar(10)  not null,
    default_locale varchar(10)  not null,
    video_url      varchar(1000),
    position       integer      not null,
    -- the solved ticket the article was written from, if any
    source_ticket_id bigint,
    version        bigint       not null,
    created_at     timestamp with time zone not null,
    updated_at     timestamp with time zone not null
);

create index kb_articles_category on kb_articles (category_id, position);

create sequence kb_translations_seq start with 1 increment by 50;

create table kb_translations (
    id              bigint        primary key,
    article_id      bigint        not null references kb_articles (id) on delete cascade,
    locale          varchar(10)   not null,
    title           varchar(300)  not null,
    slug            varchar(200)  not null,
    summary         varchar(1000),
    body            varchar       not null,
    keywords        varchar(1000),
    -- DRAFT, PUBLISHED, ARCHIVED
    state           varchar(10)   not null,
    author_id       bigint,
    reviewer_id     bigint,
    -- the number of this translation's latest revision
    revision        integer       not null,
    -- the default locale's revision this translation was written from (null for the default locale itself)
    source_revision integer,
    version         bigint        not null,
    created_at      timestamp with time zone not null,
    updated_at      timestamp with time zone not null,
    published_at    timestamp with time zone,
    constraint kb_translations_article_locale unique (article_id, locale),
    constraint kb_translations_locale_slug unique (locale, slug)
);

create index kb_translations_state on kb_translations (state, locale);

create sequence kb_revisions_seq start with 1 increment by 50;

create table kb_revisions (
    id             bigint        primary key,
    translation_id bigint        not null references kb_translations (id) on delete cascade,
    number         integer       not null,
    title          varchar(300)  not null,
    summary        varchar(1000),
    body           varchar       not null,
    keywords       varchar(1000),
    state          varchar(10)   not null,
    author_id      bigint,
    author_name    varchar(200),
    created_at     timestamp with time zone not null,
    constraint kb_revisions_number unique (translation_id, number)
);
