create sequence agents_seq start with 1 increment by 50;
create sequence groups_seq start with 100 increment by 1;
create sequence api_tokens_seq start with 1 increment by 1;

create table support_groups (
    id        bigint primary key,
    group_key varchar(40)  not null unique,
    name      varchar(100) not null
);

insert into support_groups (id, group_key, name) values (1, 'tier1', 'Tier 1 – Customer Advocates');
insert into support_groups (id, group_key, name) values (2, 'tier2', 'Tier 2 – Support Engineering');
insert into support_groups (id, group_key, name) values (3, 'sales', 'Sales');

create table agents (
    id            bigint primary key,
    email         varchar(254) not null unique,
    name          varchar(200) not null,
    role          varchar(10)  not null,
    active        boolean      not null,
    password_hash varchar(200) not null,
    created_at    timestamp with time zone not null,
    version       bigint       not null
);

create table agent_groups (
    agent_id bigint not null references agents (id),
    group_id bigint not null references support_groups (id),
    primary key (agent_id, group_id)
);

create table portal_logins (
    contact_id    bigint primary key,
    email         varchar(254) not null unique,
    name          varchar(200),
    password_hash varchar(200) not null,
    created_at    timestamp with time zone not null
);

create table api_tokens (
    id         bigint primary key,
    owner_kind varchar(10)  not null,
    owner_id   bigint       not null,
    name       varchar(100) not null,
    token_hash varchar(64)  not null unique,
    created_at timestamp with time zone not null
);

create index api_tokens_owner on api_tokens (owner_kind, owner_id);
