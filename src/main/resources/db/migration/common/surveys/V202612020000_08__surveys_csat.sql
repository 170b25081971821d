-- CSAT: one survey per solve of a ticket, and the answer in force per ticket (the latest survey's rating counts).
create sequence csat_surveys_seq start with 1 increment by 1;
create sequence csat_answers_seq start with 1 increment by 1;

create table csat_surveys (
    id          bigint primary key,
    ticket_id   bigint       not null,
    contact_id  bigint       not null,
    -- the solve this survey asks about: a redelivered TicketSolved finds its row and adds none
    solved_at   timestamp with time zone not null,
    due_at      timestamp with time zone not null,
    -- SCHEDULED, SENT (mailed), OFFERED (portal only: no mailbox can send), SKIPPED_NO_EMAIL, SKIPPED_CLOSED,
    -- CANCELLED_REOPENED, SUPERSEDED (a later solve asked again)
    state       varchar(20)  not null,
    account_id  bigint,
    agent_id    bigint,
    group_key   varchar(40),
    channel     varchar(10)  not null,
    language    varchar(10)  not null,
    -- SHA-256 (hex) of the link's random token; the token itself is only in the mail
    token_hash  varchar(64)  unique,
    offered_at  timestamp with time zone,
    expires_at  timestamp with time zone,
    outbox_id   bigint,
    rating      smallint,
    rated_at    timestamp with time zone,
    created_at  timestamp with time zone not null,
    constraint csat_surveys_one_per_solve unique (ticket_id, solved_at)
);
create index csat_surveys_due on csat_surveys (state, due_at);
create index csat_surveys_ticket on csat_surveys (ticket_id, id);
create index csat_surveys_offered on csat_surveys (offered_at);

create table csat_answers (
    id             bigint primary key,
    ticket_id      bigint       not null unique,
    survey_id      bigint       not null references csat_surveys (id),
    contact_id     bigint       not null,
    account_id     bigint,
    agent_id       bigint,
    group_key      varchar(40),
    channel        varchar(10)  not null,
    rating         smallint     not null,
    -- plain text, shown escaped
    comment        varchar(5000),
    surveyed_at    timestamp with time zone not null,
    first_rated_at timestamp with time zone not null,
    rated_at       timestamp with time zone not null
);
create index csat_answers_rated on csat_answers (rated_at);
create index csat_answers_rating on csat_answers (rating, rated_at);

-- The admin's settings: one row (id 1); missing means the defaults.
create table csat_settings (
    id            int primary key,
    delay_minutes int not null,
    updated_at    timestamp with time zone not null
);

-- The admin's wording per language; a missing row or a null column means the bundle's default.
create table csat_texts (
    language       varchar(10) primary key,
    question       varchar(500),
    thanks         varchar(500),
    comment_prompt varchar(500),
    updated_at     timestamp with time zone not null
);
