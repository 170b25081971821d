-- A queue page (group and status, newest change first) reads its 25 rows from this index instead of sorting the queue.
create index tickets_queue_order on tickets (group_id, status, updated_at, id);
