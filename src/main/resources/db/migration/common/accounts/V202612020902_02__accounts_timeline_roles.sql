-- The customer 360 timeline reads an account's subscription movements newest first; the people section shows a
-- contact's role at the customer (optional, free text: "CFO", "Admin of their workspace").
create index subscription_movements_account on subscription_movements (account_id, effective_at);
alter table contacts add column role varchar(100);
