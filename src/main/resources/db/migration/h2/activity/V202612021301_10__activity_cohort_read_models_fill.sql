-- Fills the cohort read models (common/activity V202612021300) from the rollups already stored. The same
-- statements as ActivityApi.rebuildCohorts(), with this database's week and month start.
insert into activity_first_days (account_id, event, first_day)
select account_id, event, min(usage_day) from activity_daily group by account_id, event;

insert into activity_cohort_people (lvl, account_id, user_key, first_day)
select 'U', account_id, user_key, min(usage_day) from activity_daily where user_key <> '' group by account_id, user_key;

insert into activity_cohort_people (lvl, account_id, user_key, first_day)
select 'A', account_id, '', min(usage_day) from activity_daily group by account_id;

insert into activity_active_periods (lvl, unit, account_id, user_key, period_start, first_day)
select 'U', 'W', d.account_id, d.user_key, d.period_start, p.first_day
from (select distinct account_id, user_key, dateadd('DAY', 1 - iso_day_of_week(usage_day), usage_day) period_start from activity_daily where user_key <> '') d
join activity_cohort_people p on p.lvl = 'U' and p.account_id = d.account_id and p.user_key = d.user_key;

insert into activity_active_periods (lvl, unit, account_id, user_key, period_start, first_day)
select 'U', 'M', d.account_id, d.user_key, d.period_start, p.first_day
from (select distinct account_id, user_key, dateadd('DAY', 1 - day_of_month(usage_day), usage_day) period_start from activity_daily where user_key <> '') d
join activity_cohort_people p on p.lvl = 'U' and p.account_id = d.account_id and p.user_key = d.user_key;

insert into activity_active_periods (lvl, unit, account_id, user_key, period_start, first_day)
select 'A', 'W', d.account_id, '', d.period_start, p.first_day
from (select distinct account_id, dateadd('DAY', 1 - iso_day_of_week(usage_day), usage_day) period_start from activity_daily) d
join activity_cohort_people p on p.lvl = 'A' and p.account_id = d.account_id and p.user_key = '';

insert into activity_active_periods (lvl, unit, account_id, user_key, period_start, first_day)
select 'A', 'M', d.account_id, '', d.period_start, p.first_day
from (select distinct account_id, dateadd('DAY', 1 - day_of_month(usage_day), usage_day) period_start from activity_daily) d
join activity_cohort_people p on p.lvl = 'A' and p.account_id = d.account_id and p.user_key = '';
