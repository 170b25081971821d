-- Single-use links that let a contact set a portal password. Only the SHA-256 of the link's token is kept.
create sequence portal_invitations_seq start with 1 increment by 1;

create table portal_invitations (
    id          bigint primary key,
    contact_id  bigint       not null,
    email       varchar(254) not null,
    name        varchar(200),
    token_hash  varchar(64)  not null unique,
    invited_by  bigint       not null,
    created_at  timestamp with time zone not null,
    expires_at  timestamp with time zone not null,
    used_at     timestamp with time zone,
    revoked_at  timestamp with time zone
);

create index portal_invitations_contact on portal_invitations (contact_id);
