-- Request budgets shared by every node and kept over a restart (shared.RateLimits): one row per limited key
-- ("reset-address:ana@pop.example", "reset-client:203.0.113.9"), counting the requests of a window that starts
-- with the first request after the previous window ended. Rows are locked while counted, so two nodes cannot
-- both spend the last request of a budget.
create table rate_limits (
    limit_key    varchar(300) primary key,
    window_start timestamp with time zone not null,
    used         integer      not null
);

create index rate_limits_window on rate_limits (window_start);
