-- OAuth2 for a mailbox's IMAP or SMTP sign-in (XOAUTH2): the client and the refresh token an administrator
-- entered, and the access token Rapport fetched with it (RFC 6749 refresh_token grant), renewed before it expires.
-- Secrets are sealed (AES-GCM, SecretBox, context mailbox:<id>:<protocol>:oauth-...).
create sequence mailbox_oauth_seq start with 1 increment by 50;

create table mailbox_oauth (
    id                   bigint primary key,
    mailbox_id           bigint        not null references mailboxes (id) on delete cascade,
    -- IMAP or SMTP
    protocol             varchar(4)    not null,
    client_id            varchar(500)  not null,
    client_secret        varchar(4000),
    token_url            varchar(500)  not null,
    refresh_token        varchar(8000) not null,
    access_token         varchar(8000),
    expires_at           timestamp with time zone,
    renewed_at           timestamp with time zone,
    -- the token server's refusal (or why it could not be reached), in English; null after a renewal worked
    last_error           varchar(1000),
    last_error_at        timestamp with time zone,
    version              bigint        not null,
    constraint mailbox_oauth_protocol unique (mailbox_id, protocol)
);
