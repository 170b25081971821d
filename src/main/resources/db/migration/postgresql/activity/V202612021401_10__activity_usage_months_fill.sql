-- Fills activity_usage_months (V202612021400) from the rollups already stored; also run by
-- ActivityApi.rebuildCohorts(). A month's index m = (year - 1970) * 12 + month - 1: era m / 60, bit m % 60.
insert into activity_usage_months (lvl, era, event, account_id, user_key, months)
select 'U', m / 60, event, account_id, user_key, bit_or(cast(1 as bigint) << (m % 60))
from (select account_id, user_key, event,
             (extract(year from usage_day)::int - 1970) * 12 + extract(month from usage_day)::int - 1 as m
      from activity_daily where user_key <> '' and usage_day >= date '1970-01-01') d
group by m / 60, event, account_id, user_key;

insert into activity_usage_months (lvl, era, event, account_id, user_key, months)
select 'U', m / 60, '', account_id, user_key, bit_or(cast(1 as bigint) << (m % 60))
from (select distinct account_id, user_key,
             (extract(year from usage_day)::int - 1970) * 12 + extract(month from usage_day)::int - 1 as m
      from activity_daily where user_key <> '' and usage_day >= date '1970-01-01') d
group by m / 60, account_id, user_key;

insert into activity_usage_months (lvl, era, event, account_id, user_key, months)
select 'A', m / 60, event, account_id, '', bit_or(cast(1 as bigint) << (m % 60))
from (select distinct account_id, event,
             (extract(year from usage_day)::int - 1970) * 12 + extract(month from usage_day)::int - 1 as m
      from activity_daily where usage_day >= date '1970-01-01') d
group by m / 60, event, account_id;

insert into activity_usage_months (lvl, era, event, account_id, user_key, months)
select 'A', m / 60, '', account_id, '', bit_or(cast(1 as bigint) << (m % 60))
from (select distinct account_id,
             (extract(year from usage_day)::int - 1970) * 12 + extract(month from usage_day)::int - 1 as m
      from activity_daily where usage_day >= date '1970-01-01') d
group by m / 60, account_id;

analyze activity_usage_months;
