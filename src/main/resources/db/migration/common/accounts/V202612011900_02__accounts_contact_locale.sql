-- The contact's language (en, zh, ro, ta, eo), for the mails and pages they get; null while unknown.
alter table contacts add column locale varchar(10);
