-- The outbox: every mail Rapport sends is first a row here, written in the transaction that decided to send it
-- (an agent's reply through the event registry, a portal link, a notice), and delivered by the sender job.
create sequence outbound_mails_seq start with 1 increment by 1;

create table outbound_mails (
    id                bigint primary key,
    mailbox_id        bigint        not null references mailboxes (id),
    -- REPLY, RECEIVED, SOLVED, AGENT_NOTICE, SYSTEM
    kind              varchar(20)   not null,
    -- what the mail is about, once: a redelivered event finds its row and adds none (null: no such guard)
    dedup_key         varchar(200)  unique,
    ticket_id         bigint,
    ticket_message_id bigint,
    to_addresses      varchar(2000) not null,
    cc_addresses      varchar(4000),
    from_name         varchar(200),
    subject           varchar(1000) not null,
    body_text         varchar       not null,
    body_html         varchar       not null,
    -- the Message-ID without angle brackets, fixed here so that every retry sends the same one
    header_message_id varchar(998)  not null,
    in_reply_to       varchar(998),
    -- space-separated Message-IDs, oldest first, without angle brackets
    references_ids    varchar,
    reply_to          varchar(254),
    thread_index      varchar(200),
    -- auto-replied (received, solved), auto-generated (agent notices) or null (an agent's reply)
    auto_submitted    varchar(20),
    -- comma-separated ids of the ticket attachments the mail carries
    attachment_ids    varchar(1000),
    -- QUEUED, SENT, BOUNCED, FAILED
    status            varchar(10)   not null,
    attempts          integer       not null,
    first_attempt_at  timestamp with time zone,
    next_attempt_at   timestamp with time zone not null,
    -- the SMTP server's last words about this mail
    last_answer       varchar(1000),
    sent_at           timestamp with time zone,
    bounce_reason     varchar(1000),
    created_at        timestamp with time zone not null
);

create index outbound_mails_due on outbound_mails (status, next_attempt_at);
create index outbound_mails_ticket on outbound_mails (ticket_id);
create index outbound_mails_header on outbound_mails (header_message_id);
create index outbound_mails_created on outbound_mails (created_at);

-- Admins' wording of a mail template in one language; without a row the bundle's default is used.
create table mail_templates (
    template_key varchar(60)  not null,
    language     varchar(10)  not null,
    subject      varchar(500) not null,
    body         varchar      not null,
    updated_at   timestamp with time zone not null,
    primary key (template_key, language)
);

-- Which notices an agent wants by email (all off without a row).
create table agent_mail_settings (
    agent_id         bigint primary key,
    new_ticket       boolean not null,
    assigned         boolean not null,
    customer_replied boolean not null
);
