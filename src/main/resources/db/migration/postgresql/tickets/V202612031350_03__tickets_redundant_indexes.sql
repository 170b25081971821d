-- Three indexes whose columns begin another index: every lookup they served, the longer one serves as well
-- (tickets_requester_order, tickets_account_created and tickets_account_order, tickets_updated_id), while each
-- was one more entry to write for every ticket created and, for updated_at, for every change of a ticket.
-- PostgreSQL only: H2 made these indexes its foreign keys' own and refuses to drop them.
drop index if exists tickets_requester;
drop index if exists tickets_account;
drop index if exists tickets_updated;
