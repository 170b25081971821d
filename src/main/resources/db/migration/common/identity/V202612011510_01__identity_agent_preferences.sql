-- An agent's language and time zone for the workspace; null means "as the browser asks" and UTC.
alter table agents add column language varchar(16);
alter table agents add column time_zone varchar(64);
