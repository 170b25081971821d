-- Customer health (issue 9): one snapshot per account per day, and the value of each measure behind it, so an
-- account's page answers "why did the score change" against any earlier day, and the churn model trains on the
-- measures as they were. Written by the scorer (nightly and on demand); a day recomputed replaces its rows.

create table health_snapshots (
    account_id bigint not null,
    snapshot_day date not null,
    -- 0-100, higher is healthier; null when no measure had data
    score integer,
    -- RED, YELLOW or GREEN (null with a null score)
    band varchar(10),
    computed_at timestamp with time zone not null,
    primary key (account_id, snapshot_day)
);
create index health_snapshots_day on health_snapshots (snapshot_day, score);

create table health_measure_values (
    account_id bigint not null,
    snapshot_day date not null,
    measure_key varchar(60) not null,
    -- null: no data for this measure (left out of the weights, not counted as zero)
    measure_value double precision,
    points double precision,
    weight double precision not null,
    primary key (account_id, snapshot_day, measure_key)
);
