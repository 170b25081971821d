-- Senders not seen for a day are forgotten (InboundSenderRetention): the flood rule looks back ten minutes only.
create index inbound_senders_seen on inbound_senders (last_seen_at);
