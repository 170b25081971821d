-- Messages that arrived through a channel carry the id the channel gave them (an email's Message-ID, a chat
-- event's id): a redelivery finds the stored message instead of creating a second one.
alter table messages add column source varchar(40);
alter table messages add column external_id varchar(250);
create unique index messages_external on messages (source, external_id);

-- An agent writing for a customer (a phone call, a walk-in) is the author; the customer is who it was for.
alter table messages add column on_behalf_of_contact_id bigint;

-- Tags keep the order people gave them.
alter table ticket_tags add column tag_position int;
update ticket_tags set tag_position = (select count(*) from ticket_tags other
    where other.ticket_id = ticket_tags.ticket_id and other.tag < ticket_tags.tag);
alter table ticket_tags alter column tag_position set not null;
