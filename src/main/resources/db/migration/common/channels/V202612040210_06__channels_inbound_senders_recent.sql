-- How many mails a sender's row has seen since the sender was last quiet for the flood window (ten minutes): at
-- most 20 means at most 20 in any window ending now, so the flood rule counts the sender's mails only above that.
alter table inbound_senders add column recent integer default 1 not null;
