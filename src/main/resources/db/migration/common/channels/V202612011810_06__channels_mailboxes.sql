-- Mailboxes: where mail comes in (IMAP or pushed) and goes out (SMTP). Secrets are sealed (AES-GCM, SecretBox).
create sequence mailboxes_seq start with 1 increment by 50;

create table mailboxes (
    id                  bigint primary key,
    name                varchar(100) not null,
    address             varchar(254) not null unique,
    group_name          varchar(100) not null,
    -- IMAP or PUSH (push only: mail arrives through POST /api/v1/mailboxes/{id}/inbound)
    inbound_mode        varchar(10)  not null,
    imap_host           varchar(253),
    imap_port           integer,
    imap_security       varchar(10),
    imap_username       varchar(254),
    -- PASSWORD or XOAUTH2 (the sealed secret is then an OAuth2 access token)
    imap_auth           varchar(10),
    imap_secret         varchar(4000),
    imap_folder         varchar(200),
    poll_seconds        integer,
    -- what happens on the server to a mail once its ticket committed: SEEN (flag only), MOVE, DELETE
    after_import        varchar(10),
    move_folder         varchar(200),
    smtp_host           varchar(253),
    smtp_port           integer,
    smtp_security       varchar(10),
    smtp_username       varchar(254),
    smtp_secret         varchar(4000),
    from_name           varchar(100),
    -- SHA-256 (hex) of the bearer secret of the push endpoint; the secret itself is shown once
    inbound_secret_hash varchar(64)  not null,
    notify_received     boolean      not null,
    notify_replies      boolean      not null,
    notify_solved       boolean      not null,
    is_default          boolean      not null,
    active              boolean      not null,
    last_polled_at      timestamp with time zone,
    last_poll_error     varchar(1000),
    created_at          timestamp with time zone not null,
    version             bigint       not null
);

-- Every Message-ID Rapport received or sent for a ticket, so that replies thread (In-Reply-To, References) and
-- outgoing mail carries the References and Thread-Index of the conversation.
create sequence email_messages_seq start with 1 increment by 50;

create table email_messages (
    id                bigint primary key,
    mailbox_id        bigint       not null references mailboxes (id),
    ticket_id         bigint       not null,
    ticket_message_id bigint,
    -- IN (received) or OUT (sent)
    direction         varchar(3)   not null,
    header_message_id varchar(998) not null,
    thread_index      varchar(200),
    created_at        timestamp with time zone not null
);

create index email_messages_header on email_messages (header_message_id);
create index email_messages_ticket on email_messages (ticket_id, created_at);
