-- The notification centre and ticket followers. Tickets and agents are referred to by id only: they belong to
-- other modules, so there are no foreign keys to them.
create sequence notifications_seq;

create table notifications (
    id           bigint primary key,
    recipient_id bigint        not null,
    kind         varchar(40)   not null,
    subject_type varchar(40),
    subject_id   bigint,
    message_key  varchar(200)  not null,
    message_args varchar(4000) not null,
    link         varchar(500),
    dedup_key    varchar(200)  not null,
    created_at   timestamp with time zone not null,
    read_at      timestamp with time zone,
    constraint notifications_dedup unique (recipient_id, dedup_key)
);

create index notifications_recipient on notifications (recipient_id, created_at, id);
create index notifications_unread on notifications (recipient_id, read_at);

create table ticket_followers (
    ticket_id bigint not null,
    agent_id  bigint not null,
    since     timestamp with time zone not null,
    primary key (ticket_id, agent_id)
);

create index ticket_followers_agent on ticket_followers (agent_id);
