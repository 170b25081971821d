-- Queues agents can shape: every filter and sort of the ticket list has an index behind it.
-- search_key holds the subject, the requester's name and email and the account's name, lowercased and without
-- accents (filled in Java with java.text.Normalizer, so no database extension is needed); requester_key and
-- account_key are the names the list sorts by.
alter table tickets add column search_key varchar(1200);
alter table tickets add column requester_key varchar(250);
alter table tickets add column account_key varchar(250);

create index tickets_created on tickets (created_at, id);
create index tickets_updated_id on tickets (updated_at, id);
create index tickets_status_order on tickets (status, updated_at, id);
create index tickets_priority on tickets (priority, updated_at, id);
create index tickets_type on tickets (type, updated_at, id);
create index tickets_channel on tickets (channel, updated_at, id);
create index tickets_subject on tickets (subject, id);
create index tickets_requester_key on tickets (requester_key, id);
create index tickets_account_key on tickets (account_key, id);
create index tickets_account_order on tickets (account_id, updated_at, id);
create index tickets_requester_order on tickets (requester_id, updated_at, id);
create index tickets_assignee_order on tickets (assignee_id, updated_at, id);
create index tickets_missing_search_key on tickets (search_key, id);
