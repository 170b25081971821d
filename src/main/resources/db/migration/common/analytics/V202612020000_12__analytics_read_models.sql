-- The analytics read models: one row per ticket, CSAT answer, NPS answer and ended SLA target, fed by the other
-- modules' events and rebuilt from their facades. Rows refer to tickets, agents, contacts and accounts by id only
-- (they belong to other modules). Days, weeks (their Monday) and months (their first day) are UTC dates stored
-- beside each instant, so a report groups by a plain column on H2 and PostgreSQL alike and an index serves its range.
create table analytics_tickets (
    ticket_id              bigint primary key,
    ticket_number          bigint       not null,
    created_at             timestamp with time zone not null,
    created_epoch          bigint       not null,
    created_day            date         not null,
    created_week           date         not null,
    created_month          date         not null,
    channel                varchar(20)  not null,
    group_key              varchar(40)  not null,
    priority               varchar(20)  not null,
    ticket_type            varchar(30)  not null,
    account_id             bigint,
    requester_id           bigint       not null,
    assignee_id            bigint,
    responder_id           bigint,
    first_answer_at        timestamp with time zone,
    asa_seconds            bigint,
    asa_business_seconds   bigint,
    status                 varchar(20)  not null,
    solved_at              timestamp with time zone,
    solved_day             date,
    solved_week            date,
    solved_month           date,
    resolution_seconds     bigint
);

-- Speed of answer and volume over a period, narrowed by channel or group: the range leads, the figures ride along.
create index analytics_tickets_created on analytics_tickets (created_day, channel, group_key, asa_seconds,
    asa_business_seconds);
create index analytics_tickets_solved on analytics_tickets (solved_day, channel, group_key, resolution_seconds);
-- The backlog and "waiting now": unsolved tickets only, a small part of the table. Ages are counted from
-- created_epoch (seconds since 1970), as timestamp arithmetic differs between H2 and PostgreSQL.
create index analytics_tickets_status on analytics_tickets (status, created_epoch);
create index analytics_tickets_account on analytics_tickets (account_id, created_day);
create index analytics_tickets_responder on analytics_tickets (responder_id, created_day);

create table analytics_csat (
    answer_id      bigint primary key,
    ticket_id      bigint       not null,
    contact_id     bigint       not null,
    account_id     bigint,
    agent_id       bigint,
    group_key      varchar(40),
    channel        varchar(20),
    rating         int          not null,
    commented      boolean      not null,
    surveyed_at    timestamp with time zone,
    answered_at    timestamp with time zone not null,
    answered_day   date         not null,
    answered_week  date         not null,
    answered_month date         not null
);

create index analytics_csat_day on analytics_csat (answered_day, channel, group_key, rating);
create index analytics_csat_agent on analytics_csat (agent_id, answered_day);
create index analytics_csat_account on analytics_csat (account_id, answered_day);
create index analytics_csat_ticket on analytics_csat (ticket_id);

create table analytics_nps (
    answer_id      bigint primary key,
    contact_id     bigint       not null,
    account_id     bigint,
    campaign_id    bigint,
    score          int          not null,
    commented      boolean      not null,
    answered_at    timestamp with time zone not null,
    answered_day   date         not null,
    answered_week  date         not null,
    answered_month date         not null
);

create index analytics_nps_day on analytics_nps (answered_day, score);
create index analytics_nps_account on analytics_nps (account_id, answered_day);

create table analytics_sla (
    target_id      bigint primary key,
    ticket_id      bigint       not null,
    policy_id      bigint       not null,
    policy_name    varchar(200) not null,
    target         varchar(20)  not null,
    priority       varchar(20),
    group_key      varchar(40),
    account_id     bigint,
    breached       boolean      not null,
    started_at     timestamp with time zone,
    due_at         timestamp with time zone,
    ended_at       timestamp with time zone not null,
    ended_day      date         not null,
    ended_week     date         not null,
    ended_month    date         not null
);

create index analytics_sla_day on analytics_sla (ended_day, group_key, breached);
create index analytics_sla_ticket on analytics_sla (ticket_id);

-- When each read model was last rebuilt, shown on the admin page.
create table analytics_rebuilds (
    model        varchar(20) primary key,
    rebuilt_at   timestamp with time zone not null,
    row_count    bigint      not null
);
