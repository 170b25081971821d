-- The reports of a period read their figures from the index alone (index-only scans, PostgreSQL): each period index
-- keeps its range and filter columns as keys and carries every column a report groups by or counts (INCLUDE), so a
-- 90-day report over a million tickets reads no table pages. Without them, grouping by week, month, priority, agent
-- or account fetched each row of the period from the table (rows of a period lie scattered over it): 1.3-4 s each,
-- the dashboard 3.5 s (docs/benchmarks.md). H2 keeps the plain indexes: it has no index-only scans.
drop index analytics_tickets_created;
create index analytics_tickets_created on analytics_tickets (created_day, channel, group_key)
    include (asa_seconds, asa_business_seconds, created_week, created_month, priority, account_id, responder_id,
             assignee_id);
drop index analytics_tickets_solved;
create index analytics_tickets_solved on analytics_tickets (solved_day, channel, group_key)
    include (resolution_seconds, solved_week, solved_month, priority, account_id, assignee_id);
-- The backlog and "waiting now": unsolved tickets by status, with what their figures count and filter by.
drop index analytics_tickets_status;
create index analytics_tickets_status on analytics_tickets (status, created_epoch)
    include (created_day, first_answer_at, channel, group_key, account_id);

drop index analytics_csat_day;
create index analytics_csat_day on analytics_csat (answered_day, channel, group_key)
    include (rating, commented, answered_week, answered_month, agent_id, account_id, answered_at, answer_id, ticket_id);

drop index analytics_nps_day;
create index analytics_nps_day on analytics_nps (answered_day)
    include (score, answered_week, answered_month, account_id);

drop index analytics_sla_day;
create index analytics_sla_day on analytics_sla (ended_day, group_key)
    include (breached, target, priority, account_id, policy_name, ended_week, ended_month, ticket_id);
