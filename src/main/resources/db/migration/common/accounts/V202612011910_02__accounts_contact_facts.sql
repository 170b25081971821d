-- Dated facts about a contact (a password reset requested, ...), counted by customer success as signals.
create sequence contact_facts_seq start with 1 increment by 50;

create table contact_facts (
    id         bigint primary key,
    contact_id bigint      not null references contacts (id),
    kind       varchar(50) not null,
    occurred_at timestamp with time zone not null
);

create index contact_facts_contact_kind on contact_facts (contact_id, kind, occurred_at);
