-- Closing the day (supervisor): which dates are closed, by whom and when, and the bookings
-- recorded as no-shows at closing. Written in SQL that both H2 (MODE=PostgreSQL) and PostgreSQL accept.

-- One row per office and date, written by the first closing; a later closing of the same date
-- only adds the no-shows it recorded (normally none).
CREATE TABLE day_closing (
    office       VARCHAR(5)   NOT NULL,
    closing_date DATE         NOT NULL,
    closed_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    closed_by    VARCHAR(50)  NOT NULL,
    no_shows     INTEGER      NOT NULL,
    PRIMARY KEY (office, closing_date)
);

-- A booking never checked in by closing time. Not a case_file: a no-show has no queue number,
-- no check-in time and no counter work; its audit row and NO_SHOW event name the appointment
-- id as caseRef, as the contract says. The primary key makes a no-show recorded once, however
-- often (or by however many desks at once) the day is closed.
CREATE TABLE no_show (
    appointment_id      VARCHAR(36)  NOT NULL PRIMARY KEY,
    office              VARCHAR(5)   NOT NULL,
    appointment_date    DATE         NOT NULL,
    booking_code        VARCHAR(32)  NOT NULL,
    appointment_version BIGINT       NOT NULL, -- central's version the decision was taken on
    recorded_at         TIMESTAMP WITH TIME ZONE NOT NULL,
    recorded_by         VARCHAR(50)  NOT NULL
);

CREATE INDEX no_show_day_ix ON no_show (office, appointment_date);
