-- Fills the months of any core feature (activity_usage_months, lvl 'u' for a person and 'a' for an account, event
-- '') from the per-event rows V202612021401 filled. The same script writes them again when admins change the
-- core-feature marks and on a rebuild (CohortModel.refillCore), after the old ones are deleted.
insert into activity_usage_months (lvl, era, event, account_id, user_key, months)
select 'u', era, '', account_id, user_key, bit_or(months) from activity_usage_months
where lvl = 'U' and event in (select event from activity_event_kinds where core_feature)
group by era, account_id, user_key;

insert into activity_usage_months (lvl, era, event, account_id, user_key, months)
select 'a', era, '', account_id, user_key, bit_or(months) from activity_usage_months
where lvl = 'A' and event in (select event from activity_event_kinds where core_feature)
group by era, account_id, user_key;
