-- The next SLA due time of a ticket (set by workflows through TicketDeadlines) for the "breaches first" sort, and
-- the name of a system actor in the history (an SLA policy's) where Rapport itself made the change.
alter table tickets add column sla_due_at timestamp with time zone;
create index tickets_sla_due on tickets (sla_due_at, id);
alter table ticket_changes add column actor_label varchar(200);
