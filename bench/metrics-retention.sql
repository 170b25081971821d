-- The baseline of the retention benchmark (bench/metrics.sh): the weekly user-level cohort table that
-- GET /api/v1/metrics/retention?level=users&period=week&from=:from&periods=:periods answers from the rollups, computed
-- by one query straight on the raw events. A person's cohort is the week (Monday, UTC) of their first event ever
-- (first-time, start event: any); they count in column n when they did anything in week cohort + n ("on" week n).
-- psql variables: from (a Monday, yyyy-MM-dd), periods.
set timezone = 'UTC';
with first_seen as (
    select user_id, date_trunc('week', min(occurred_at))::date as cohort
    from activity_events where user_id is not null group by user_id),
active_weeks as (
    select distinct user_id, date_trunc('week', occurred_at)::date as week
    from activity_events where user_id is not null and occurred_at >= date :'from')
select f.cohort, (w.week - f.cohort) / 7 as n, count(*) as people
from first_seen f join active_weeks w on w.user_id = f.user_id
where f.cohort >= date :'from' and w.week >= f.cohort and (w.week - f.cohort) / 7 < :periods
group by f.cohort, n
order by f.cohort, n;
