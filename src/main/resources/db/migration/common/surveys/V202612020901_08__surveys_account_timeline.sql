-- The customer 360 timeline reads an account's CSAT and NPS answers newest first.
create index csat_answers_account on csat_answers (account_id, rated_at);
create index nps_answers_account on nps_answers (account_id, answered_at);
