-- Customer Success: the agents who own accounts (their portfolio), unless an admin already made such a group.
insert into support_groups (id, group_key, name)
select 4, 'success', 'Customer Success' where not exists (select 1 from support_groups where group_key = 'success' or id = 4);
