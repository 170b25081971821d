-- Fills the analytics read models with generated rows for bench/reports.sh (PostgreSQL): :tickets tickets over the
-- last two years, :csat CSAT and :nps NPS answers, an ended SLA target per answered ticket in three. Seeded
-- (setseed), so two runs load the same rows. Groups are the three every install has; 2,000 accounts, 40 agents.
-- VACUUM sets the visibility map so the reports read the period from the index alone (index-only scans); in
-- production autovacuum does the same for these insert-mostly tables (PostgreSQL 13+: autovacuum_vacuum_insert_threshold).
select setseed(0.42);
truncate analytics_tickets, analytics_csat, analytics_nps, analytics_sla, csat_answers, csat_surveys;

insert into analytics_tickets (ticket_id, ticket_number, created_at, created_epoch, created_day, created_week,
    created_month, channel, group_key, priority, ticket_type, account_id, requester_id, assignee_id, responder_id,
    first_answer_at, asa_seconds, asa_business_seconds, status, solved_at, solved_day, solved_week, solved_month,
    resolution_seconds)
select id, id, created, extract(epoch from created)::bigint, (created at time zone 'UTC')::date,
       date_trunc('week', created at time zone 'UTC')::date, date_trunc('month', created at time zone 'UTC')::date,
       (array['EMAIL','CHAT','PHONE','PORTAL','API'])[1 + (id % 5)],
       (array['tier1','tier1','tier1','tier2','sales'])[1 + (id % 7 % 5)],
       (array['LOW','NORMAL','NORMAL','HIGH','URGENT'])[1 + (id % 11 % 5)], 'QUESTION',
       1 + (id % 2000), 1 + (id % 150000), 1 + (id % 40), case when answered then 1 + (id % 40) end,
       case when answered then created + asa * interval '1 second' end,
       case when answered then asa end, case when answered then asa * 8 / 24 end,
       case when solved then 'SOLVED' when answered then 'OPEN' else 'NEW' end,
       case when solved then created + resolution * interval '1 second' end,
       case when solved then ((created + resolution * interval '1 second') at time zone 'UTC')::date end,
       case when solved then date_trunc('week', (created + resolution * interval '1 second') at time zone 'UTC')::date end,
       case when solved then date_trunc('month', (created + resolution * interval '1 second') at time zone 'UTC')::date end,
       case when solved then resolution end
from (
    select g as id,
           now() - (random() * 730 * 86400) * interval '1 second' as created,
           (random() > 0.01) as answered,
           (random() > 0.04) as solved,
           (60 + random() * random() * 86400)::bigint as asa,
           (600 + random() * random() * 14 * 86400)::bigint as resolution
    from generate_series(1, :tickets) g
) t;
-- A ticket cannot be solved before it was answered in this model's data, nor later than now.
update analytics_tickets set status = 'OPEN', solved_at = null, solved_day = null, solved_week = null,
    solved_month = null, resolution_seconds = null where solved_at > now() or (solved_at is not null and responder_id is null);

insert into analytics_csat (answer_id, ticket_id, contact_id, account_id, agent_id, group_key, channel, rating,
    commented, surveyed_at, answered_at, answered_day, answered_week, answered_month)
select g, t.ticket_id, t.requester_id, t.account_id, t.assignee_id, t.group_key, t.channel,
       (array[1,2,3,4,4,5,5,5,5,5])[1 + floor(random() * 10)::int], random() < 0.3, t.solved_at,
       t.solved_at + interval '2 hours', ((t.solved_at + interval '2 hours') at time zone 'UTC')::date,
       date_trunc('week', (t.solved_at + interval '2 hours') at time zone 'UTC')::date,
       date_trunc('month', (t.solved_at + interval '2 hours') at time zone 'UTC')::date
from generate_series(1, :csat) g
join analytics_tickets t on t.ticket_id = 1 + ((g * 6151) % :tickets)
where t.solved_at is not null;

-- The surveys behind the answers (the CSAT report's response rate reads them), and as many again never answered.
insert into csat_surveys (id, ticket_id, contact_id, solved_at, due_at, state, account_id, agent_id, group_key,
    channel, language, offered_at, expires_at, rating, rated_at, created_at)
select c.answer_id, c.ticket_id, c.contact_id, c.surveyed_at, c.surveyed_at + interval '1 hour', 'SENT', c.account_id,
       c.agent_id, c.group_key, c.channel, 'en', c.surveyed_at + interval '1 hour', c.surveyed_at + interval '30 days',
       c.rating, c.answered_at, c.surveyed_at
from analytics_csat c;
insert into csat_surveys (id, ticket_id, contact_id, solved_at, due_at, state, account_id, agent_id, group_key,
    channel, language, offered_at, expires_at, created_at)
select 10000000 + t.ticket_id, t.ticket_id, t.requester_id, t.solved_at, t.solved_at + interval '1 hour', 'SENT',
       t.account_id, t.assignee_id, t.group_key, t.channel, 'en', t.solved_at + interval '1 hour',
       t.solved_at + interval '30 days', t.solved_at
from analytics_tickets t
where t.solved_at is not null and t.ticket_id % 6 = 1
  and not exists (select 1 from analytics_csat c where c.ticket_id = t.ticket_id);

insert into analytics_nps (answer_id, contact_id, account_id, campaign_id, score, commented, answered_at, answered_day,
    answered_week, answered_month)
select g, 1 + (g % 150000), 1 + (g % 2000), 1 + (g % 4), floor(random() * 11)::int, random() < 0.2, at,
       (at at time zone 'UTC')::date, date_trunc('week', at at time zone 'UTC')::date,
       date_trunc('month', at at time zone 'UTC')::date
from (select g, now() - (random() * 730 * 86400) * interval '1 second' as at from generate_series(1, :nps) g) n;

insert into analytics_sla (target_id, ticket_id, policy_id, policy_name, target, priority, group_key, account_id,
    breached, started_at, due_at, ended_at, ended_day, ended_week, ended_month)
select ticket_id, ticket_id, 1, 'Standard', 'FIRST_REPLY', priority, group_key, account_id, asa_business_seconds > 4 * 3600,
       created_at, created_at + interval '4 hours', first_answer_at, (first_answer_at at time zone 'UTC')::date,
       date_trunc('week', first_answer_at at time zone 'UTC')::date,
       date_trunc('month', first_answer_at at time zone 'UTC')::date
from analytics_tickets where first_answer_at is not null and ticket_id % 3 = 0;

vacuum analyze analytics_tickets;
vacuum analyze analytics_csat;
vacuum analyze analytics_nps;
vacuum analyze analytics_sla;
vacuum analyze csat_surveys;
select (select count(*) from analytics_tickets) as tickets, (select count(*) from analytics_csat) as csat,
       (select count(*) from analytics_nps) as nps, (select count(*) from analytics_sla) as sla,
       (select count(*) from csat_surveys) as surveys;
