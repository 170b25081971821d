-- Business-hours calendars kept by admins: a time zone, opening hours per weekday (several stretches a day
-- allowed, in minutes from midnight, an end of 1440 is midnight) and holidays. One calendar is the default.
create sequence workflow_calendars_seq start with 100;

create table workflow_calendars (
    id         bigint primary key,
    name       varchar(100) not null,
    zone       varchar(64)  not null,
    is_default boolean      not null default false,
    constraint workflow_calendars_name unique (name)
);

create table workflow_calendar_hours (
    calendar_id  bigint   not null references workflow_calendars (id) on delete cascade,
    day_of_week  smallint not null,
    start_minute integer  not null,
    end_minute   integer  not null,
    constraint workflow_calendar_hours_day check (day_of_week between 1 and 7),
    constraint workflow_calendar_hours_range check (start_minute >= 0 and end_minute <= 1440 and end_minute > start_minute)
);

create index workflow_calendar_hours_calendar on workflow_calendar_hours (calendar_id);

create table workflow_calendar_holidays (
    calendar_id bigint not null references workflow_calendars (id) on delete cascade,
    holiday     date   not null,
    primary key (calendar_id, holiday)
);

-- The calendar every installation starts with: Monday to Friday, 09:00-17:00 UTC (admins change the zone).
insert into workflow_calendars (id, name, zone, is_default) values (1, 'Standard', 'UTC', true);
insert into workflow_calendar_hours (calendar_id, day_of_week, start_minute, end_minute)
select c.id, d.day_of_week, 540, 1020 from workflow_calendars c,
    (select 1 as day_of_week union all select 2 union all select 3 union all select 4 union all select 5) d
where c.name = 'Standard';
