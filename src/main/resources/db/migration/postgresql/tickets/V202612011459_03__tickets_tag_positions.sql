-- A ticket's tags are a list: the key is the position, so reordering never collides with a tag's old place.
alter table ticket_tags drop constraint ticket_tags_pkey;
alter table ticket_tags add primary key (ticket_id, tag_position);
