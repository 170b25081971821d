-- The lifecycle stage of each account with its history, the success manager who owns it, and the owner's note
-- pinned for support.
alter table accounts add column stage varchar(20) default 'ONBOARDING' not null;
alter table accounts add column owner_id bigint;
alter table accounts add column pinned_note varchar(2000);
alter table accounts add column pinned_note_by bigint;
alter table accounts add column pinned_note_at timestamp with time zone;

create index accounts_owner on accounts (owner_id);

create sequence account_stage_changes_seq start with 1 increment by 50;

create table account_stage_changes (
    id          bigint primary key,
    account_id  bigint      not null references accounts (id),
    from_stage  varchar(20),
    to_stage    varchar(20) not null,
    reason      varchar(500),
    agent_id    bigint,
    moved_by    varchar(100) not null,
    changed_at  timestamp with time zone not null
);

create index account_stage_changes_account on account_stage_changes (account_id, changed_at);
