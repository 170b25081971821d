-- Spring Modulith's event publication registry (schema v2 of spring-modulith-events-jdbc 2.0, H2 flavour):
-- one row per event and listener, written in the transaction that published the event, completed when the
-- listener has finished. Flyway creates it; Modulith's own schema initialization is switched off.
create table event_publication (
    id                     uuid                     not null primary key,
    listener_id            varchar(512)             not null,
    event_type             varchar(512)             not null,
    serialized_event       varchar(4000)            not null,
    publication_date       timestamp(9) with time zone not null,
    completion_date        timestamp(9) with time zone,
    status                 varchar(20),
    completion_attempts    int,
    last_resubmission_date timestamp(9) with time zone
);

create index event_publication_by_listener_id_and_serialized_event_idx on event_publication (listener_id, serialized_event);
create index event_publication_by_completion_date_idx on event_publication (completion_date);
