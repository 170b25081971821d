-- The language the requester reads when the ticket was opened (the contact's locale: en, zh, ro, ta, eo, or null
-- while unknown). Ticket search guesses a ticket's language from its words and falls back to this one when the
-- words say too little (docs/search.md, "Ticket search").
alter table tickets add column requester_locale varchar(16);
