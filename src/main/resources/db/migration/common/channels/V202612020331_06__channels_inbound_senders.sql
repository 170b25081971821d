-- One row per sender of a mailbox, locked while a mail from that sender is checked against the flood rule (more
-- than 20 mails in 10 minutes are held). Mails from one sender are thus counted one after the other, on one node
-- or several, so concurrent arrivals cannot all see a count below the limit.
create table inbound_senders (
    mailbox_id   bigint       not null,
    from_address varchar(254) not null,
    last_seen_at timestamp with time zone not null,
    primary key (mailbox_id, from_address)
);
