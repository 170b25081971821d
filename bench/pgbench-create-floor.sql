-- The floor under an API ticket creation: every statement the application sends PostgreSQL for one creation, in the
-- same three transactions, with the same rows, read off pg_stat_statements during `bench/profile.sh` (2026-12-03,
-- `MODE=sql`, a customer already known): the request's transaction (the customer looked up, the ticket, its first
-- message, its tags, the event registry's two publications in one statement), then the two listeners of
-- TicketCreated, each in its own transaction (activity's "Ticket Opened" fact: claim its message id, append the
-- event, mark the publication completed; analytics: read the ticket's facts, insert its row, mark completed).
-- Sent by pgbench's C client with prepared statements, so nothing but PostgreSQL's own work is counted: however
-- lean the application became, a creation could not cost PostgreSQL less than this while it keeps these rows
-- (issue 5's seams: events stored with the transaction, listeners in transactions of their own; issues 8 and 9:
-- the analytics row and the usage fact). The ids of the message and of the two publications come back with the
-- message's insert (RETURNING), so the script sends no statement the application does not. (pgbench reads a colon
-- followed by a name as a variable even inside quotes: hence 'rapport:' || 'ticket-opened:' and json_build_object.)
-- Run by Bench.java (unless BENCH_FLOOR=0) with: pgbench -n -M prepared -D tier1=<group id> -f bench/pgbench-create-floor.sql
\set c random(0, 1999)
BEGIN;
SELECT id AS requester, coalesce(account_id, 0) AS account FROM contacts
  WHERE email = 'customer' || :c || '@example.com' \gset
INSERT INTO tickets (id, account_id, account_key, assignee_id, channel, created_at, first_response_at, group_id,
    ticket_number, priority, requester_id, requester_key, requester_locale, search_key, solved_at, status, subject,
    type, updated_at, version)
  VALUES (nextval('tickets_seq'), nullif(:account, 0), NULL, NULL, 'API', now(), NULL, :tier1, currval('tickets_seq'),
    'NORMAL', :requester, 'customer ' || :c, NULL,
    'printer jams on floor 3 customer ' || :c || ' customer' || :c || '@example.com', NULL, 'NEW',
    'Printer jams on floor 3', 'INCIDENT', now(), 0)
  RETURNING id AS ticket \gset
INSERT INTO messages (id, ticket_id, author_kind, author_id, visibility, body_html, created_at, source, external_id,
    on_behalf_of_contact_id, auto_reply, quoted_html)
  VALUES (nextval('messages_seq'), :ticket, 'CONTACT', :requester, 'PUBLIC',
    '<p>Hello,</p><p>the printer on the third floor jams on every second page since this morning. We restarted it twice and cleaned the rollers; it still fails.</p><p>Thanks, a customer</p>',
    now(), NULL, NULL, NULL, false, NULL)
  RETURNING id AS message, gen_random_uuid() AS analytics, gen_random_uuid() AS fact \gset
INSERT INTO ticket_tags (ticket_id, tag_position, tag) VALUES (:ticket, 0, 'printer'), (:ticket, 1, 'floor-3');
INSERT INTO event_publication (id, event_type, listener_id, publication_date, serialized_event, status,
    completion_attempts, last_resubmission_date)
  VALUES (:analytics::uuid, 'io.rapport.tickets.TicketCreated',
    'io.rapport.analytics.internal.AnalyticsListeners.on(io.rapport.tickets.TicketCreated)', now(),
    json_build_object('ticketId', :ticket::bigint, 'requesterId', :requester::bigint, 'accountId', NULL, 'channel', 'API',
      'type', 'INCIDENT', 'priority', 'NORMAL', 'groupKey', 'tier1', 'byAgentId', 1, 'at', now())::text,
    'PUBLISHED', 0, NULL),
    (:fact::uuid, 'io.rapport.tickets.TicketCreated',
    'io.rapport.activity.internal.RapportFacts.on(io.rapport.tickets.TicketCreated)', now(),
    json_build_object('ticketId', :ticket::bigint, 'requesterId', :requester::bigint, 'accountId', NULL, 'channel', 'API',
      'type', 'INCIDENT', 'priority', 'NORMAL', 'groupKey', 'tier1', 'byAgentId', 1, 'at', now())::text,
    'PUBLISHED', 0, NULL);
END;
BEGIN;
INSERT INTO activity_message_ids (message_id, received_at)
  SELECT unnest(ARRAY['rapport:' || 'ticket-opened:' || :ticket]::varchar[]), now() ON CONFLICT DO NOTHING
  RETURNING message_id;
INSERT INTO activity_events (received_at, occurred_at, type, event, user_id, anonymous_id, account_id, contact_id,
    message_id, write_key_id, payload)
  VALUES (now(), now(), 'track', 'Ticket Opened', NULL, NULL, nullif(:account, 0), :requester,
    'rapport:' || 'ticket-opened:' || :ticket, NULL, json_build_object('ticketId', :ticket::bigint, 'channel', 'API')::text);
UPDATE event_publication SET status = 'COMPLETED', completion_date = now() WHERE id = :fact::uuid;
END;
BEGIN;
SELECT t.id, t.ticket_number, t.created_at, t.channel, t.group_id, t.priority, t.type, t.account_id, t.requester_id,
    t.assignee_id, t.first_response_at,
    (SELECT m.author_id FROM messages m WHERE m.ticket_id = t.id AND m.author_kind = 'AGENT' AND m.visibility = 'PUBLIC'
      AND m.auto_reply = false AND m.on_behalf_of_contact_id IS NULL ORDER BY m.created_at, m.id FETCH FIRST 1 ROWS ONLY)
      AS first_responder_id,
    t.solved_at, t.status, t.version
  FROM tickets t WHERE t.id = :ticket;
INSERT INTO analytics_tickets (ticket_number, created_at, created_epoch, created_day, created_week, created_month,
    channel, group_key, priority, ticket_type, account_id, requester_id, assignee_id, responder_id, first_answer_at,
    asa_seconds, asa_business_seconds, status, solved_at, solved_day, solved_week, solved_month, resolution_seconds,
    ticket_version, ticket_id)
  VALUES (:ticket, now(), extract(epoch FROM now())::bigint, current_date, date_trunc('week', now())::date,
    date_trunc('month', now())::date, 'API', 'tier1', 'NORMAL', 'INCIDENT', nullif(:account, 0), :requester, NULL, NULL,
    NULL, NULL, NULL, 'NEW', NULL, NULL, NULL, NULL, NULL, 0, :ticket)
  ON CONFLICT DO NOTHING;
UPDATE event_publication SET status = 'COMPLETED', completion_date = now() WHERE id = :analytics::uuid;
END;
