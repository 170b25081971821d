-- The retention job (OutboxRetention) deletes sent mail older than rapport.mail.outbox.keep-sent by sent_at.
create index outbound_mails_sent on outbound_mails (status, sent_at);
