-- Which calendar months (UTC) each person (lvl 'U', user key as in the rollups) and account (lvl 'A', user key
-- empty) did each event, and any event at all (event ''), as one bit per month of a 60-month era (era 0 begins in
-- January 1970; bit i of era e is month e * 60 + i); and the months they used any of the core features (lvl 'u' for
-- a person, 'a' for an account, event ''). Product adoption over whole months counts rows of this table
-- instead of grouping a year of rollups by person (issue 10). Kept in step with the rollups as they are written
-- (CohortModel) and filled from them by V202612021401 and on Admin -> Business metrics -> Rebuild.
-- The months ride in the key's index so that a count is an index-only scan.
create table activity_usage_months (
    lvl char(1) not null,
    era int not null,
    event varchar(200) not null,
    account_id bigint not null,
    user_key varchar(260) not null,
    months bigint not null,
    primary key (lvl, era, event, account_id, user_key) include (months)
);

-- One row, the lock between the writers of the rows above and a change of the core-feature marks: a writer holds it
-- (shared on PostgreSQL, exclusively on H2, which has no shared row locks) from reading the marks until it commits;
-- a change of the marks holds it exclusively while it writes the 'u' and 'a' rows again. So no writer adds months
-- for a feature that is no longer core, nor misses one that became core.
create table activity_core_marks (
    id int primary key,
    version bigint not null
);
insert into activity_core_marks (id, version) values (1, 0);
