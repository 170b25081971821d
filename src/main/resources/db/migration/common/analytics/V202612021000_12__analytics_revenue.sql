-- Revenue metrics (issue 10): the subscription ledger as analytics keeps it, the month-end MRR it gives, and what
-- admins enter (reporting currency, company time zone, gross margin, monthly exchange rates, sales and marketing
-- spend). Rows name accounts and subscriptions by id only: they belong to the accounts module.

-- A copy of accounts' subscription movements, refreshed account by account from SubscriptionsApi: what the month-end
-- MRR below is recomputed from when the company time zone changes, without asking accounts again.
create table analytics_revenue_movements (
    movement_id      bigint       primary key,
    subscription_id  bigint       not null,
    account_id       bigint       not null,
    kind             varchar(20)  not null,
    effective_at     timestamp with time zone not null,
    plan             varchar(200) not null,
    mrr_cents        bigint       not null,
    currency         char(3)      not null
);
create index analytics_revenue_movements_account on analytics_revenue_movements (account_id);

-- Month-end MRR of a subscription in its own currency, as stretches of months with the same plan and amount:
-- from_month (first day, company time zone) included, until_month excluded, null while it lasts. Months with no
-- MRR have no row. A stretch needs no job to grow into a new month.
create table analytics_mrr_segments (
    subscription_id  bigint       not null,
    account_id       bigint       not null,
    plan             varchar(200) not null,
    currency         char(3)      not null,
    from_month       date         not null,
    until_month      date,
    mrr_cents        bigint       not null,
    primary key (subscription_id, from_month)
);
create index analytics_mrr_segments_account on analytics_mrr_segments (account_id);
create index analytics_mrr_segments_months on analytics_mrr_segments (from_month, until_month);

-- One row per account refreshed: the lock two listeners of the same account take in turn.
create table analytics_revenue_accounts (
    account_id    bigint primary key,
    refreshed_at  timestamp with time zone not null
);

-- The one row of settings the metrics read.
create table analytics_metric_settings (
    id                  int          primary key,
    reporting_currency  char(3)      not null,
    time_zone           varchar(64)  not null,
    gross_margin        numeric(5,4) not null,
    updated_at          timestamp with time zone,
    constraint analytics_metric_settings_one check (id = 1)
);
insert into analytics_metric_settings (id, reporting_currency, time_zone, gross_margin) values (1, 'USD', 'UTC', 0.8);

-- What one unit of a currency was worth in a reporting currency in a month (first day), entered by an admin.
create table analytics_exchange_rates (
    rate_month          date          not null,
    currency            char(3)       not null,
    reporting_currency  char(3)       not null,
    rate                numeric(24,10) not null,
    primary key (reporting_currency, currency, rate_month)
);

-- Sales and marketing spend of a month (first day), in minor units of its currency.
create table analytics_spend (
    spend_month   date    primary key,
    amount_cents  bigint  not null,
    currency      char(3) not null
);
