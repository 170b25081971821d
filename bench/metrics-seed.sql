-- The data of the business-metrics benchmark (bench/metrics.sh), written set-based straight into the app's tables on
-- PostgreSQL after Flyway created them: accounts, people (contacts and the tracked users naming them), 24 months of
-- subscriptions with their movements, a year of usage rollups (activity_daily) and the same usage as raw events
-- (activity_events). Deterministic: every choice is a hash of a row's key and the seed (hashint8extended), never
-- random(), so the same variables give the same rows.
--
-- psql variables: accounts, users, rows (activity_daily rows = raw events), seed.
\set ON_ERROR_STOP on
\timing on
set timezone = 'UTC';
set synchronous_commit = off;
set maintenance_work_mem = '512MB';
set work_mem = '256MB';
set max_parallel_workers_per_gather = 0;

-- A uniform number in [0, 1) from a key and a salt (which choice it is), mixed with the seed.
select format($f$create function pg_temp.r(k bigint, salt int) returns double precision language sql immutable
    as $$ select (hashint8extended(k, salt::bigint * 7919 + %s) & 2147483647)::float8 / 2147483648 $$$f$, :seed)
\gexec

\echo accounts and people
-- Month 0 is 23 months before this one; an account's subscription starts in month s (40% in month 0, the rest
-- spread over the 24 months), the account was created up to 20 days before.
create temp table bench_accounts as
select a, s, plan, price, base_seats,
       (date_trunc('month', now()) - interval '23 months' + s * interval '1 month'
        - (floor(pg_temp.r(a, 9) * 20) || ' days')::interval)::timestamptz as created_at
from (select a,
             case when pg_temp.r(a, 1) < 0.4 then 0 else floor(pg_temp.r(a, 2) * 24)::int end as s,
             case when pg_temp.r(a, 3) < 0.6 then 'Starter' when pg_temp.r(a, 3) < 0.9 then 'Growth'
                  else 'Enterprise' end as plan,
             case when pg_temp.r(a, 3) < 0.6 then 1500 when pg_temp.r(a, 3) < 0.9 then 4000 else 9000 end as price,
             1 + floor(pg_temp.r(a, 4) ^ 2 * 20)::int as base_seats
      from generate_series(1, :accounts) a) x;

insert into accounts (id, name, domain, external_id, created_at, version, stage)
select a, 'Bench account ' || a, 'acct-' || a || '.bench.example', 'bench-' || a, created_at, 0,
       case when s < 20 then 'ADOPTION' else 'ONBOARDING' end
from bench_accounts;

-- Person u belongs to account 1 + (u - 1) % accounts; contact id u, tracked user id user-<u>.
insert into contacts (id, email, name, account_id, created_at, version)
select u, 'user-' || u || '@acct-' || (1 + (u - 1) % :accounts) || '.bench.example', 'User ' || u,
       1 + (u - 1) % :accounts, now() - interval '2 years', 0
from generate_series(1, :users) u;

insert into activity_users (user_id, contact_id, account_id, updated_at)
select 'user-' || u, u, 1 + (u - 1) % :accounts, now() from generate_series(1, :users) u;

\echo subscriptions and movements
-- Each account-month from the start: a cancellation or reactivation toggles with 2.5% a month (so 2.5% monthly
-- logo churn, and a cancelled account comes back with 2.5% a month); seats grow (5%: +1..5) or shrink (2.5%: -1..3).
create temp table bench_months as
with steps as (
    select b.a, b.price, b.plan, i,
           case when i > b.s and pg_temp.r(b.a * 64 + i, 5) < 0.025 then 1 else 0 end as toggle,
           case when i = b.s then b.base_seats
                when pg_temp.r(b.a * 64 + i, 6) < 0.05 then 1 + floor(pg_temp.r(b.a * 64 + i, 7) * 5)::int
                when pg_temp.r(b.a * 64 + i, 6) < 0.075 then -1 - floor(pg_temp.r(b.a * 64 + i, 7) * 3)::int
                else 0 end as seat_step
    from bench_accounts b, generate_series(b.s, 23) i),
states as (
    select a, price, plan, i,
           sum(toggle) over w % 2 = 0 as active,
           greatest(1, sum(seat_step) over w)::int as seats
    from steps window w as (partition by a order by i)),
changes as (
    select *, lag(active) over w as was_active, lag(seats) over w as had_seats, lag(i) over w as prev_i
    from states window w as (partition by a order by i))
select a, plan, i, seats, seats * price as mrr,
       case when prev_i is null then 'NEW'
            when was_active and not active then 'CANCELLATION'
            when not was_active and active then 'REACTIVATION'
            when active and seats > had_seats then 'EXPANSION'
            when active and seats < had_seats then 'CONTRACTION' end as kind,
       case when prev_i is null or not was_active then 0 else had_seats * price end as prev_mrr,
       least(date_trunc('month', now()) - interval '23 months' + i * interval '1 month'
             + (floor(pg_temp.r(a * 64 + i, 8) * 27) || ' days')::interval
             + (floor(pg_temp.r(a * 64 + i, 10) * 600) + 420 || ' minutes')::interval,
             now() - interval '1 minute') as effective_at
from changes;
delete from bench_months where kind is null;

-- One subscription per account: its last state.
insert into subscriptions (id, account_id, plan, mrr_cents, currency, seats, started_at, trial_ends_at, renews_at,
    cancelled_at, cancel_reason, version)
select a, a, plan, mrr, 'USD', seats, started_at, null,
       case when kind <> 'CANCELLATION' then date_trunc('month', now()) + interval '1 month' end,
       case when kind = 'CANCELLATION' then effective_at end,
       case when kind = 'CANCELLATION' then 'Bench: cancelled' end, 0
from (select distinct on (a) a, plan, mrr, seats, kind, effective_at,
             first_value(effective_at) over (partition by a order by i) as started_at
      from bench_months order by a, i desc) last_state;
-- the last state's seats and MRR when it is a cancellation are those before it
update subscriptions s set mrr_cents = m.mrr, seats = m.seats
from (select distinct on (a) a, mrr, seats from bench_months where kind <> 'CANCELLATION' order by a, i desc) m
where s.id = m.a and s.cancelled_at is not null;

insert into subscription_movements (id, subscription_id, account_id, kind, effective_at, plan, mrr_cents,
    mrr_delta_cents, currency, seats, reason, recorded_by, recorded_at)
select row_number() over (order by a, i), a, a, kind, effective_at, plan,
       case when kind = 'CANCELLATION' then 0 else mrr end,
       case when kind = 'CANCELLATION' then -prev_mrr else mrr - prev_mrr end,
       'USD', seats, case when kind = 'CANCELLATION' then 'Bench: cancelled' end, null, effective_at
from bench_months;

\echo usage rollups
-- A year of days, day 0 = 364 days ago. Each person starts on a day of the year (their signup) and comes back for a
-- while: 10% heavy (20-60 days, every 1-4 days), 30% regular (5-15 days, every 3-10 days), 60% light (1-3 days,
-- every 1-7 days); days after today are dropped.
create temp table bench_person_days (p bigint generated always as identity, u int, d int);
insert into bench_person_days (u, d)
select u, f + j * gap
from (select u, floor(pg_temp.r(u, 11) * 365)::int as f,
             case when c < 0.1 then 20 + floor(pg_temp.r(u, 13) * 41)::int
                  when c < 0.4 then 5 + floor(pg_temp.r(u, 13) * 11)::int
                  else 1 + floor(pg_temp.r(u, 13) * 3)::int end as days,
             case when c < 0.1 then 1 + floor(pg_temp.r(u, 14) * 4)::int
                  when c < 0.4 then 3 + floor(pg_temp.r(u, 14) * 8)::int
                  else 1 + floor(pg_temp.r(u, 14) * 7)::int end as gap
      from (select u, pg_temp.r(u, 12) as c from generate_series(1, :users) u) c) p,
     generate_series(0, p.days - 1) j
where f + j * gap <= 364;
-- More person-days than rows asked: keep the first ones.
delete from bench_person_days where p > :rows;

-- Every person-day has a sign-in and as many of the five features (from a hashed offset) as make the rows asked in
-- all: the extra rows are spread evenly over the person-days.
select count(*) as person_days, greatest(0, :rows - count(*)) as extra from bench_person_days \gset
\echo :person_days person-days, :extra feature rows
alter table activity_daily drop constraint activity_daily_pkey;
insert into activity_daily (account_id, usage_day, event, user_key, event_count, duration_seconds)
select 1 + (u - 1) % :accounts, current_date - 364 + d, e.event, 'c:' || u, 1,
       case when e.event = 'Signed In' then 300 + floor(pg_temp.r(p, 16) * 3300)::int else 0 end
from bench_person_days,
     lateral (select case when k = 0 then 'Signed In'
                          else (array['Report Exported', 'Dashboard Shared', 'Invoice Sent', 'Integration Connected',
                                      'Team Member Invited'])[1 + (floor(pg_temp.r(p, 15) * 5)::int + k) % 5] end
                     as event
              from generate_series(0, least(5, (p * :extra / :person_days) - ((p - 1) * :extra / :person_days))) k) e;
alter table activity_daily add primary key (account_id, usage_day, event, user_key);

insert into activity_event_kinds (event, value_event, core_feature, first_seen_at) values
    ('Signed In', false, false, now() - interval '1 year'),
    ('Report Exported', false, true, now() - interval '1 year'),
    ('Dashboard Shared', false, true, now() - interval '1 year'),
    ('Invoice Sent', false, false, now() - interval '1 year'),
    ('Integration Connected', true, false, now() - interval '1 year'),
    ('Team Member Invited', false, false, now() - interval '1 year')
on conflict (event) do update set value_event = excluded.value_event, core_feature = excluded.core_feature;

\echo raw events
-- The same usage as raw events: one event per rollup row (event_count is 1), during the working day, received
-- when it occurred, in the monthly partitions the app would have created.
select format('create table if not exists activity_events_%s partition of activity_events for values from (%L) to (%L)',
              to_char(m, 'YYYY_MM'), m::date, (m + interval '1 month')::date)
from generate_series(date_trunc('month', current_date - 364), date_trunc('month', now()), interval '1 month') m
\gexec
insert into activity_events (received_at, occurred_at, type, event, user_id, anonymous_id, account_id, contact_id,
    message_id, write_key_id, payload)
select t, t, 'track', event, user_id, null, account_id, contact_id, message_id, null,
       '{"type":"track","event":"' || event || '","userId":"' || user_id || '","messageId":"' || message_id
           || '","timestamp":"' || to_char(t at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') || '"}'
from (select least((usage_day + make_interval(mins => 420 + floor(pg_temp.r(contact_id * 512 + (current_date - usage_day),
                                                                           17) * 600)::int)) at time zone 'UTC',
                   now() - interval '1 second') as t,
             event, contact_id, 'user-' || contact_id as user_id, account_id,
             'bench-' || contact_id || '-' || usage_day || '-' || event as message_id
      from (select usage_day, event, substr(user_key, 3)::bigint as contact_id, account_id from activity_daily) d) x;

\echo sequences
select setval('accounts_seq', (select max(id) + 100 from accounts));
select setval('contacts_seq', (select max(id) + 100 from contacts));
select setval('subscriptions_seq', (select max(id) + 100 from subscriptions));
select setval('subscription_movements_seq', (select max(id) + 100 from subscription_movements));

drop table bench_accounts, bench_months, bench_person_days;
\echo vacuum and analyze
vacuum analyze accounts, contacts, activity_users, subscriptions, subscription_movements, activity_daily;
analyze activity_events;
