-- SLA policies (first matching one by position applies) and the targets each ticket runs. Tickets, groups and
-- accounts belong to other modules: referred to by id or key, without foreign keys.
create sequence sla_policies_seq;

create table sla_policies (
    id                  bigint primary key,
    name                varchar(100) not null,
    position            integer      not null,
    priority            varchar(16)  not null,
    ticket_type         varchar(32),
    group_key           varchar(50),
    account_id          bigint,
    calendar_id         bigint       not null references workflow_calendars (id),
    first_reply_minutes integer,
    next_reply_minutes  integer,
    resolution_minutes  integer,
    warn_first_pct      integer      not null default 75,
    warn_second_pct     integer      not null default 90,
    escalate_at         varchar(16)  not null default 'BREACH',
    raise_priority      boolean      not null default false,
    move_to_group       varchar(50),
    version             bigint       not null default 0,
    constraint sla_policies_name unique (name),
    constraint sla_policies_pcts check (warn_first_pct between 1 and 99 and warn_second_pct between 1 and 99)
);

create sequence sla_targets_seq;

-- One running or ended target. consumed_seconds is the business time used before running_since (the resolution
-- clock pauses while the ticket is pending or on hold). next_check_at is the next moment the sweep has work on
-- the row (a warning or the breach); null when the row is paused or ended, so the sweep's index holds only due rows.
create table sla_targets (
    id               bigint primary key,
    ticket_id        bigint       not null,
    policy_id        bigint       not null,
    policy_name      varchar(100) not null,
    kind             varchar(16)  not null,
    trigger_key      varchar(120) not null,
    calendar_id      bigint       not null,
    target_minutes   integer      not null,
    warn_first_pct   integer      not null,
    warn_second_pct  integer      not null,
    priority         varchar(16)  not null,
    group_key        varchar(50),
    account_id       bigint,
    started_at       timestamp with time zone not null,
    running_since    timestamp with time zone,
    consumed_seconds bigint       not null default 0,
    due_at           timestamp with time zone,
    warn_first_at    timestamp with time zone,
    warn_second_at   timestamp with time zone,
    next_check_at    timestamp with time zone,
    warned_first     boolean      not null default false,
    warned_second    boolean      not null default false,
    outcome          varchar(16),
    ended_at         timestamp with time zone,
    constraint sla_targets_trigger unique (trigger_key)
);

create index sla_targets_ticket on sla_targets (ticket_id, id);
create index sla_targets_next_check on sla_targets (next_check_at);
create index sla_targets_ended on sla_targets (ended_at, id);
