-- Read models of the daily rollups for the business metrics (issue 10), kept in step with them as events arrive
-- (every rollup write adds to them in the same transaction) and rebuilt from them on Admin -> Business metrics ->
-- Rebuild; db/migration/{h2,postgresql}/activity fills them from the rollups already there.

-- The first day (UTC) each account did each event: time to value reads the value events' rows.
create table activity_first_days (
    account_id bigint not null,
    event varchar(200) not null,
    first_day date not null,
    primary key (account_id, event)
);

-- The first day anyone was active: lvl 'U' a person (user_key as in the rollups, never empty), lvl 'A' an account
-- (user_key empty; its facts count).
create table activity_cohort_people (
    lvl char(1) not null,
    account_id bigint not null,
    user_key varchar(260) not null,
    first_day date not null,
    primary key (lvl, account_id, user_key)
);

-- Each week (unit 'W', from Monday) and calendar month (unit 'M') someone was active, with their first day
-- (a copy of activity_cohort_people's, moved with it), so a retention table is one grouped scan with no join.
create table activity_active_periods (
    lvl char(1) not null,
    unit char(1) not null,
    account_id bigint not null,
    user_key varchar(260) not null,
    period_start date not null,
    first_day date not null,
    primary key (lvl, unit, account_id, user_key, period_start)
);
create index activity_active_periods_start on activity_active_periods (lvl, unit, period_start);
