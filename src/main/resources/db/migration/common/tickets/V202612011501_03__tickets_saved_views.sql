-- Saved views of the ticket list: personal (owner only) or shared with every agent (saved by an admin).
-- The filter is kept as the list page's query string (status=OPEN&priority=HIGH&sort=-updated), the same text
-- the filter bar puts in the URL, so a view opens exactly as it was saved. owner_id is an agent id (identity).
create sequence saved_views_seq start with 1 increment by 50;

create table saved_views (
    id         bigint primary key,
    owner_id   bigint       not null,
    shared     boolean      not null,
    name       varchar(80)  not null,
    filter_query varchar(2000) not null,
    created_at timestamp with time zone not null
);

create index saved_views_owner on saved_views (owner_id, name);
create index saved_views_shared on saved_views (shared, name);
