-- The cheapest way any design could write the rows of one API ticket creation: the same statements as
-- bench/pgbench-create-floor.sql (the customer looked up; the ticket, its first message, its tags; activity's
-- "Ticket Opened" fact with its message id claimed; the ticket's facts read and its analytics row), all in ONE
-- transaction and without the event registry's publications and their completions: as if the request wrote the
-- listeners' rows itself (which issue 5's seams rule out: events are stored with the transaction and each module's
-- listener runs in its own). A bound, not a design: how far the seams' own statements are from the target.
-- pgbench has no include: keep its statements in step with bench/pgbench-create-floor.sql by hand.
-- Run by Bench.java (unless BENCH_FLOOR=0) with: pgbench -n -M prepared -D tier1=<group id> -f bench/pgbench-create-floor-one.sql
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
  RETURNING id AS message \gset
INSERT INTO ticket_tags (ticket_id, tag_position, tag) VALUES (:ticket, 0, 'printer'), (:ticket, 1, 'floor-3');
INSERT INTO activity_message_ids (message_id, received_at)
  SELECT unnest(ARRAY['rapport:' || 'ticket-opened:' || :ticket]::varchar[]), now() ON CONFLICT DO NOTHING
  RETURNING message_id;
INSERT INTO activity_events (received_at, occurred_at, type, event, user_id, anonymous_id, account_id, contact_id,
    message_id, write_key_id, payload)
  VALUES (now(), now(), 'track', 'Ticket Opened', NULL, NULL, nullif(:account, 0), :requester,
    'rapport:' || 'ticket-opened:' || :ticket, NULL, json_build_object('ticketId', :ticket::bigint, 'channel', 'API')::text);
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
END;
