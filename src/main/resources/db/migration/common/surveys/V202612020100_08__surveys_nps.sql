-- NPS: campaigns (audience, channels, schedule, question per language), the invitations they sent (one per contact
-- and run; the throttle reads them), and the answers (from a mailed link, the portal banner, or an admin's import).

create sequence nps_campaigns_seq start with 1 increment by 50;

create table nps_campaigns (
    id              bigint        primary key,
    name            varchar(200)  not null,
    -- what {company} in the question reads as
    company         varchar(120)  not null,
    -- ALL (every contact with an email), ACCOUNTS (contacts of audience_accounts), LIST (audience_emails)
    audience        varchar(20)   not null,
    -- account ids, comma-separated
    audience_accounts varchar(2000),
    -- addresses, one a line
    audience_emails varchar(100000),
    by_email        boolean       not null,
    by_portal       boolean       not null,
    -- ONCE (at starts_at) or RECURRING (from starts_at, every every_days days)
    schedule        varchar(20)   not null,
    starts_at       timestamp with time zone not null,
    every_days      integer,
    -- the next run the job will do; null when a one-off campaign has run
    next_run_at     timestamp with time zone,
    last_run_at     timestamp with time zone,
    active          boolean       not null,
    created_by      bigint        not null,
    created_at      timestamp with time zone not null,
    version         bigint        not null
);

create index nps_campaigns_due on nps_campaigns (active, next_run_at);

create table nps_questions (
    campaign_id     bigint        not null references nps_campaigns (id) on delete cascade,
    language        varchar(10)   not null,
    question        varchar(500)  not null,
    primary key (campaign_id, language)
);

create sequence nps_invitations_seq start with 1 increment by 50;

create table nps_invitations (
    id              bigint        primary key,
    campaign_id     bigint        not null references nps_campaigns (id) on delete cascade,
    contact_id      bigint        not null,
    by_email        boolean       not null,
    by_portal       boolean       not null,
    sent_at         timestamp with time zone not null,
    expires_at      timestamp with time zone not null,
    dismissed_at    timestamp with time zone
);

-- the 90-day throttle and the portal banner look up a contact's latest invitations
create index nps_invitations_contact on nps_invitations (contact_id, sent_at);
create index nps_invitations_campaign on nps_invitations (campaign_id, sent_at);

create sequence nps_answers_seq start with 1 increment by 50;

create table nps_answers (
    id              bigint        primary key,
    -- null for an answer an admin imported
    invitation_id   bigint        unique references nps_invitations (id) on delete set null,
    campaign_id     bigint        references nps_campaigns (id) on delete set null,
    contact_id      bigint        not null,
    account_id      bigint,
    score           integer       not null check (score between 0 and 10),
    comment         varchar(5000),
    language        varchar(10),
    -- EMAIL, PORTAL, IMPORT
    source          varchar(20)   not null,
    imported_by     bigint,
    answered_at     timestamp with time zone not null,
    changed_at      timestamp with time zone not null
);

create index nps_answers_campaign on nps_answers (campaign_id, answered_at);
create index nps_answers_answered on nps_answers (answered_at);

-- the follow-up ticket of each detractor's answer (one per answer), and which comment it carries last
create table nps_followups (
    answer_id       bigint        primary key references nps_answers (id) on delete cascade,
    ticket_id       bigint        not null,
    comment_hash    varchar(64),
    created_at      timestamp with time zone not null
);
