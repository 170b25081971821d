-- pgbench's baseline for one API ticket creation: the rows the app writes (ticket, first message, its tags), one
-- transaction, the customer drawn from the 2,000 the load generator uses (they exist after the warm-up), ids from
-- the app's sequences (each nextval reserves a block of 50, so these ids never collide with the app's).
-- Run by Bench.java with: pgbench -n -M prepared -D tier1=<group id> -f bench/pgbench-create.sql
\set c random(0, 1999)
BEGIN;
INSERT INTO tickets (id, ticket_number, subject, requester_id, account_id, type, priority, status, channel, group_id,
    created_at, updated_at, version)
  SELECT nextval('tickets_seq'), currval('tickets_seq'), 'Printer jams on floor 3', c.id, c.account_id, 'INCIDENT',
    'NORMAL', 'NEW', 'API', :tier1, now(), now(), 0
  FROM contacts c WHERE c.email = 'customer' || :c || '@example.com';
INSERT INTO messages (id, ticket_id, author_kind, author_id, visibility, body_html, created_at)
  SELECT nextval('messages_seq'), currval('tickets_seq'), 'CONTACT', c.id, 'PUBLIC',
    '<p>Hello,</p><p>the printer on the third floor jams on every second page since this morning. We restarted it twice and cleaned the rollers; it still fails.</p><p>Thanks, a customer</p>',
    now()
  FROM contacts c WHERE c.email = 'customer' || :c || '@example.com';
INSERT INTO ticket_tags (ticket_id, tag_position, tag) VALUES (currval('tickets_seq'), 0, 'printer'),
    (currval('tickets_seq'), 1, 'floor-3');
END;
