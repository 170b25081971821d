-- The version of the ticket whose facts a row holds: a listener that read the ticket earlier than the one that
-- wrote the row last leaves it alone (TicketRows.put). Rows written before carry none and are replaced by the
-- next facts written for them.
alter table analytics_tickets add column ticket_version bigint;
