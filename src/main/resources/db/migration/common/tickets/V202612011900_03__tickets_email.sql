-- Addresses copied on a ticket (an email's Cc), lower case; answers go to them too.
create table ticket_ccs (
    ticket_id bigint       not null references tickets (id),
    email     varchar(254) not null,
    primary key (ticket_id, email)
);

-- An automatic answer (out of office) is kept, but shown as such and never reopens a ticket.
alter table messages add column auto_reply boolean default false not null;
-- The quoted history and signature cut from a received mail, shown on click.
alter table messages add column quoted_html varchar;

-- An inline image's Content-ID: a message's HTML shows it as cid:<content_id>.
alter table attachments add column content_id varchar(250);
