-- Raw usage events on the embedded database: a plain table; retention deletes old rows (PostgreSQL drops
-- monthly partitions instead).
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
);
create index activity_events_received on activity_events (received_at);
