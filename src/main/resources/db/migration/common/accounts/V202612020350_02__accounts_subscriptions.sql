-- Subscriptions of an account (a plan, add-ons), and every change to them as a dated movement: the ledger the
-- business metrics (MRR, churn, expansion) are computed from.
create sequence subscriptions_seq start with 1 increment by 50;
create sequence subscription_movements_seq start with 1 increment by 50;

create table subscriptions (
    id            bigint primary key,
    account_id    bigint       not null references accounts (id),
    plan          varchar(100) not null,
    mrr_cents     bigint       not null,
    currency      varchar(3)   not null,
    seats         integer      not null,
    started_at    timestamp with time zone not null,
    trial_ends_at timestamp with time zone,
    renews_at     timestamp with time zone,
    cancelled_at  timestamp with time zone,
    cancel_reason varchar(500),
    version       bigint       not null
);

create index subscriptions_account on subscriptions (account_id);

create table subscription_movements (
    id               bigint primary key,
    subscription_id  bigint       not null references subscriptions (id),
    account_id       bigint       not null references accounts (id),
    kind             varchar(20)  not null,
    effective_at     timestamp with time zone not null,
    plan             varchar(100) not null,
    mrr_cents        bigint       not null,
    mrr_delta_cents  bigint       not null,
    currency         varchar(3)   not null,
    seats            integer      not null,
    reason           varchar(500),
    recorded_by      bigint,
    recorded_at      timestamp with time zone not null
);

create index subscription_movements_subscription on subscription_movements (subscription_id, effective_at);
create index subscription_movements_effective on subscription_movements (effective_at);
