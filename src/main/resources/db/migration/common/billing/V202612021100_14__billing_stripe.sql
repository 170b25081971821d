-- Billing (issue 10): Stripe webhooks and the CSV import feed accounts' subscriptions. Rows name accounts and
-- Rapport subscriptions by id only: they belong to the accounts module.

-- The one row of settings: the webhook signing secret (whsec_...), sealed by SecretBox, never shown back.
create table billing_settings (
    id             int          primary key,
    stripe_secret  varchar(1000),
    updated_at     timestamp with time zone not null
);

-- Every Stripe event received with a valid signature, by Stripe's id: a replay finds its row and does nothing.
-- The row is written in the same transaction as what the event applied.
create table billing_stripe_events (
    event_id        varchar(255) primary key,
    type            varchar(100) not null,
    stripe_created  timestamp with time zone not null,
    received_at     timestamp with time zone not null,
    outcome         varchar(20)  not null,
    detail          varchar(500),
    customer_id     varchar(255),
    object_id       varchar(255)
);
create index billing_stripe_events_received on billing_stripe_events (received_at);

-- Stripe customers and the account each belongs to; account_id is null while nobody mapped it (listed for admins).
create table billing_stripe_customers (
    customer_id  varchar(255) primary key,
    email        varchar(320),
    name         varchar(300),
    account_id   bigint,
    mapped_by    varchar(20),
    created_at   timestamp with time zone not null
);
create index billing_stripe_customers_account on billing_stripe_customers (account_id);

-- Stripe subscriptions: the Rapport subscription each feeds (null until its customer has an account), the time of
-- the last event applied (older events are ignored) and the last state seen, applied when the customer is mapped.
create table billing_stripe_subscriptions (
    subscription_id        varchar(255) primary key,
    customer_id            varchar(255) not null,
    rapport_subscription   bigint,
    last_event_created     timestamp with time zone not null,
    plan                   varchar(100) not null,
    mrr_cents              bigint       not null,
    currency               char(3)      not null,
    seats                  int          not null,
    status                 varchar(30)  not null,
    started_at             timestamp with time zone not null,
    trial_ends_at          timestamp with time zone,
    renews_at              timestamp with time zone,
    ended_at               timestamp with time zone,
    cancel_reason          varchar(500),
    last_paid_at           timestamp with time zone,
    paid_cents             bigint,
    updated_at             timestamp with time zone not null
);
create index billing_stripe_subscriptions_customer on billing_stripe_subscriptions (customer_id);
