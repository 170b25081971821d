create sequence tickets_seq start with 1 increment by 50;
create sequence messages_seq start with 1 increment by 50;
create sequence ticket_changes_seq start with 1 increment by 50;
create sequence escalations_seq start with 1 increment by 50;
create sequence attachments_seq start with 1 increment by 50;

create table tickets (
    id                bigint primary key,
    ticket_number     bigint       not null unique,
    subject           varchar(250) not null,
    requester_id      bigint       not null references contacts (id),
    account_id        bigint references accounts (id),
    type              varchar(20)  not null,
    priority          varchar(10)  not null,
    status            varchar(10)  not null,
    channel           varchar(10)  not null,
    group_id          bigint       not null references support_groups (id),
    assignee_id       bigint references agents (id),
    created_at        timestamp with time zone not null,
    updated_at        timestamp with time zone not null,
    first_response_at timestamp with time zone,
    solved_at         timestamp with time zone,
    version           bigint       not null
);

create index tickets_queue on tickets (status, group_id, assignee_id);
create index tickets_assignee on tickets (assignee_id, status);
create index tickets_requester on tickets (requester_id);
create index tickets_account on tickets (account_id);
create index tickets_updated on tickets (updated_at);

create table ticket_tags (
    ticket_id bigint      not null references tickets (id),
    tag       varchar(50) not null,
    primary key (ticket_id, tag)
);

create index ticket_tags_tag on ticket_tags (tag);

create table messages (
    id          bigint primary key,
    ticket_id   bigint      not null references tickets (id),
    author_kind varchar(10) not null,
    author_id   bigint,
    visibility  varchar(10) not null,
    body_html   varchar     not null,
    created_at  timestamp with time zone not null
);

create index messages_ticket on messages (ticket_id, created_at);

create table escalations (
    id            bigint primary key,
    ticket_id     bigint        not null references tickets (id),
    from_group_id bigint        not null references support_groups (id),
    to_group_id   bigint        not null references support_groups (id),
    reason        varchar(2000) not null,
    by_id         bigint,
    escalated_at  timestamp with time zone not null
);

create index escalations_ticket on escalations (ticket_id);

create table ticket_changes (
    id         bigint primary key,
    ticket_id  bigint      not null references tickets (id),
    actor_kind varchar(10) not null,
    actor_id   bigint,
    field      varchar(40) not null,
    old_value  varchar(2000),
    new_value  varchar(2000),
    changed_at timestamp with time zone not null
);

create index ticket_changes_ticket on ticket_changes (ticket_id);

create table attachments (
    id           bigint primary key,
    ticket_id    bigint       not null references tickets (id),
    message_id   bigint       not null references messages (id),
    filename     varchar(255) not null,
    content_type varchar(200) not null,
    byte_size    bigint       not null,
    created_at   timestamp with time zone not null
);

create index attachments_message on attachments (message_id);
