-- Rebuilds of the search indexes (docs/search.md): one row per indexed entity type per rebuild, with its
-- progress. last_id is the id of the last row indexed, so a rebuild interrupted by a crash resumes after it;
-- heartbeat_at tells a running rebuild from one whose node died.
create sequence search_reindex_runs_seq start with 1 increment by 50;

create table search_reindex_runs (
    id           bigint primary key,
    entity_name  varchar(200)  not null,
    status       varchar(10)   not null,
    reason       varchar(10)   not null,
    requested_by varchar(254),
    total        bigint        not null,
    done         bigint        not null,
    last_id      varchar(100),
    owner        varchar(100),
    heartbeat_at timestamp with time zone,
    requested_at timestamp with time zone not null,
    started_at   timestamp with time zone,
    finished_at  timestamp with time zone,
    error        varchar(2000)
);

create index search_reindex_runs_status on search_reindex_runs (status);
