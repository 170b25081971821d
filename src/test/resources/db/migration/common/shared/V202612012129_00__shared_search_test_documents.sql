-- Tests only (src/test): a small indexed entity that follows the per-locale field convention, so the search layer
-- (analyzers, LocalizedQuery, synonyms, reindexing, the OpenSearch backend) is tested without another module.
create table search_test_documents (
    id     bigint primary key,
    locale varchar(16)   not null,
    title  varchar(500)  not null,
    body   varchar(4000) not null
);
