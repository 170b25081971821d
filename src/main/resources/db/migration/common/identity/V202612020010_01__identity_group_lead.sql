-- A group's lead: the agent told about what concerns the whole group (a bad CSAT rating); null when none.
alter table support_groups add column lead_agent_id bigint;
