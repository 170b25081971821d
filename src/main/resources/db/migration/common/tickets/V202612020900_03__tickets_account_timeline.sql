-- The customer 360 timeline reads an account's tickets newest first, and the status changes (solved, reopened)
-- of those tickets by time: an index behind each, so a page of the timeline never sorts an account's history.
create index tickets_account_created on tickets (account_id, created_at);
create index ticket_changes_ticket_field on ticket_changes (ticket_id, field, changed_at);
create index escalations_ticket_time on escalations (ticket_id, escalated_at);
