-- messageIds arrive in received_at order and are only ever deleted by it (the nightly forgetting of ids older than
-- rapport.activity.dedup-days): a BRIN index serves that delete and costs an ingest nothing per event, where the
-- B-tree cost an index entry for every event stored.
drop index activity_message_ids_received;
create index activity_message_ids_received on activity_message_ids using brin (received_at);
