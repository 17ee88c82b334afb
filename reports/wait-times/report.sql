-- wait-times: minutes from check-in to the call, by the hour of check-in (office time; over a range of days
-- the same hours of every day are taken together). checked_in counts every case checked in that hour;
-- called, mean, median and 90th percentile only the cases already called.
SELECT w.hour_of_day AS hour_of_day,
       COUNT(*) AS checked_in,
       COUNT(w.wait_minutes) AS called,
       AVG(w.wait_minutes) AS mean_minutes,
       PERCENTILE_CONT(0.5) WITHIN GROUP (ORDER BY w.wait_minutes) AS median_minutes,
       PERCENTILE_CONT(0.9) WITHIN GROUP (ORDER BY w.wait_minutes) AS p90_minutes
FROM (
    SELECT MOD(CAST(FLOOR((EXTRACT(EPOCH FROM c.checked_in_at) - EXTRACT(EPOCH FROM :from_at)) / 3600) AS INTEGER), 24) AS hour_of_day,
           CASE WHEN c.called_at IS NULL THEN NULL
                ELSE (EXTRACT(EPOCH FROM c.called_at) - EXTRACT(EPOCH FROM c.checked_in_at)) / 60.0 END AS wait_minutes
    FROM case_file c
    WHERE c.office = :office AND c.case_date BETWEEN :date AND :to
) w
GROUP BY w.hour_of_day
ORDER BY w.hour_of_day
