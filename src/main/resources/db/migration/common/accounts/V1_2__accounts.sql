create sequence accounts_seq start with 1 increment by 50;
create sequence contacts_seq start with 1 increment by 50;

create table accounts (
    id          bigint primary key,
    name        varchar(200) not null,
    domain      varchar(253) unique,
    external_id varchar(100) unique,
    created_at  timestamp with time zone not null,
    version     bigint not null
);

create table contacts (
    id         bigint primary key,
    email      varchar(254) not null unique,
    name       varchar(200),
    account_id bigint references accounts (id),
    created_at timestamp with time zone not null,
    version    bigint not null
);

create index contacts_account on contacts (account_id);
