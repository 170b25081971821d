-- Raw usage events, append-only, range-partitioned by the month they were received: old months are dropped whole
-- (rapport.activity.retention-months), never deleted row by row. ActivityPartitions creates months ahead.
-- No index: nothing reads raw events on a request's path (scores and reports read activity_daily).
create table activity_events (
    received_at timestamp with time zone not null,
    occurred_at timestamp with time zone not null,
    type varchar(16) not null,
    event varchar(200),
    user_id varchar(255),
    anonymous_id varchar(255),
    account_id bigint,
    contact_id bigint,
    message_id varchar(200) not null,
    write_key_id bigint,
    payload text
) partition by range (received_at);
