-- A portal login chosen at sign-up signs in only once its address is verified. Logins that exist already came
-- from an invitation link or an admin, both of which vouch for the address: they count as verified.
alter table portal_logins add column verified_at timestamp with time zone;
update portal_logins set verified_at = created_at;

-- The nonces of used verification and reset links: a signed link works once. Rows past expires_at may be pruned
-- (the link's own signature has expired by then).
create table portal_used_tokens (
    nonce      varchar(64) primary key,
    purpose    varchar(20) not null,
    contact_id bigint      not null,
    used_at    timestamp with time zone not null,
    expires_at timestamp with time zone not null
);
