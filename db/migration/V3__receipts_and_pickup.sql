-- Receipts (tanda terima) and passport pickup, and the calendar of days the office is closed.

-- Days the office is closed besides Saturdays and Sundays: national holidays (NATIONAL) and
-- collective leave (COLLECTIVE_LEAVE, cuti bersama). Pickup dates count working days past them.
CREATE TABLE holiday (
    holiday_date DATE          NOT NULL PRIMARY KEY,
    name         VARCHAR(200)  NOT NULL,
    kind         VARCHAR(20)   NOT NULL, -- NATIONAL or COLLECTIVE_LEAVE
    CONSTRAINT holiday_kind_ck CHECK (kind IN ('NATIONAL', 'COLLECTIVE_LEAVE'))
);

-- THE OFFICE MUST CHECK THESE DATES against the SKB 3 Menteri (joint decree of the Ministers
-- of Religious Affairs, Manpower, and Administrative Reform) for each year, and correct them.
-- They were written from memory of the published lists and from the expected lunar dates;
-- Islamic holidays move by a day with the sighting of the moon, and the 2027 list is an
-- estimate. They are ordinary data: an administrator adds and removes days in the desk.
INSERT INTO holiday (holiday_date, name, kind) VALUES
    (DATE '2026-01-01', 'Tahun Baru 2026 Masehi', 'NATIONAL'),
    (DATE '2026-01-16', 'Isra Mikraj Nabi Muhammad SAW', 'NATIONAL'),
    (DATE '2026-02-16', 'Cuti bersama Tahun Baru Imlek', 'COLLECTIVE_LEAVE'),
    (DATE '2026-02-17', 'Tahun Baru Imlek 2577 Kongzili', 'NATIONAL'),
    (DATE '2026-03-18', 'Cuti bersama Hari Suci Nyepi', 'COLLECTIVE_LEAVE'),
    (DATE '2026-03-19', 'Hari Suci Nyepi Tahun Baru Saka 1948', 'NATIONAL'),
    (DATE '2026-03-20', 'Cuti bersama Idul Fitri 1447 H', 'COLLECTIVE_LEAVE'),
    (DATE '2026-03-21', 'Idul Fitri 1447 H', 'NATIONAL'),
    (DATE '2026-03-22', 'Idul Fitri 1447 H', 'NATIONAL'),
    (DATE '2026-03-23', 'Cuti bersama Idul Fitri 1447 H', 'COLLECTIVE_LEAVE'),
    (DATE '2026-03-24', 'Cuti bersama Idul Fitri 1447 H', 'COLLECTIVE_LEAVE'),
    (DATE '2026-04-03', 'Wafat Yesus Kristus', 'NATIONAL'),
    (DATE '2026-04-05', 'Kebangkitan Yesus Kristus (Paskah)', 'NATIONAL'),
    (DATE '2026-05-01', 'Hari Buruh Internasional', 'NATIONAL'),
    (DATE '2026-05-14', 'Kenaikan Yesus Kristus', 'NATIONAL'),
    (DATE '2026-05-15', 'Cuti bersama Kenaikan Yesus Kristus', 'COLLECTIVE_LEAVE'),
    (DATE '2026-05-27', 'Idul Adha 1447 H', 'NATIONAL'),
    (DATE '2026-05-28', 'Cuti bersama Idul Adha 1447 H', 'COLLECTIVE_LEAVE'),
    (DATE '2026-05-31', 'Hari Raya Waisak 2570 BE', 'NATIONAL'),
    (DATE '2026-06-01', 'Hari Lahir Pancasila', 'NATIONAL'),
    (DATE '2026-06-16', 'Tahun Baru Islam 1448 H', 'NATIONAL'),
    (DATE '2026-08-17', 'Hari Kemerdekaan Republik Indonesia', 'NATIONAL'),
    (DATE '2026-08-25', 'Maulid Nabi Muhammad SAW', 'NATIONAL'),
    (DATE '2026-12-24', 'Cuti bersama Hari Raya Natal', 'COLLECTIVE_LEAVE'),
    (DATE '2026-12-25', 'Hari Raya Natal', 'NATIONAL'),
    (DATE '2027-01-01', 'Tahun Baru 2027 Masehi', 'NATIONAL'),
    (DATE '2027-02-05', 'Isra Mikraj Nabi Muhammad SAW', 'NATIONAL'),
    (DATE '2027-02-06', 'Tahun Baru Imlek 2578 Kongzili', 'NATIONAL'),
    (DATE '2027-03-08', 'Hari Suci Nyepi Tahun Baru Saka 1949', 'NATIONAL'),
    (DATE '2027-03-09', 'Cuti bersama Idul Fitri 1448 H', 'COLLECTIVE_LEAVE'),
    (DATE '2027-03-10', 'Idul Fitri 1448 H', 'NATIONAL'),
    (DATE '2027-03-11', 'Idul Fitri 1448 H', 'NATIONAL'),
    (DATE '2027-03-12', 'Cuti bersama Idul Fitri 1448 H', 'COLLECTIVE_LEAVE'),
    (DATE '2027-03-26', 'Wafat Yesus Kristus', 'NATIONAL'),
    (DATE '2027-03-28', 'Kebangkitan Yesus Kristus (Paskah)', 'NATIONAL'),
    (DATE '2027-05-01', 'Hari Buruh Internasional', 'NATIONAL'),
    (DATE '2027-05-06', 'Kenaikan Yesus Kristus', 'NATIONAL'),
    (DATE '2027-05-17', 'Idul Adha 1448 H', 'NATIONAL'),
    (DATE '2027-05-20', 'Hari Raya Waisak 2571 BE', 'NATIONAL'),
    (DATE '2027-06-01', 'Hari Lahir Pancasila', 'NATIONAL'),
    (DATE '2027-06-06', 'Tahun Baru Islam 1449 H', 'NATIONAL'),
    (DATE '2027-08-15', 'Maulid Nabi Muhammad SAW', 'NATIONAL'),
    (DATE '2027-08-17', 'Hari Kemerdekaan Republik Indonesia', 'NATIONAL'),
    (DATE '2027-12-24', 'Cuti bersama Hari Raya Natal', 'COLLECTIVE_LEAVE'),
    (DATE '2027-12-25', 'Hari Raya Natal', 'NATIONAL');

-- One receipt per case: written when the receipt is issued, completed at the handover.
-- Kept beside case_file, not in it, so the counter workflow's case is unchanged.
CREATE TABLE case_receipt (
    case_ref            VARCHAR(40)   NOT NULL PRIMARY KEY,
    receipt_number      VARCHAR(40)   NOT NULL, -- TT-DPS-20261127-0001
    receipt_date        DATE          NOT NULL,
    pickup_date         DATE          NOT NULL,
    issued_at           TIMESTAMP WITH TIME ZONE NOT NULL,
    issued_by           VARCHAR(50)   NOT NULL,
    reprint_count       INTEGER       NOT NULL DEFAULT 0,
    ready_at            TIMESTAMP WITH TIME ZONE,
    passport_number     VARCHAR(20),
    collected_by        VARCHAR(16), -- SELF or REPRESENTATIVE
    representative_name VARCHAR(400),
    representative_nik  VARCHAR(16),
    handed_over_at      TIMESTAMP WITH TIME ZONE,
    handed_over_by      VARCHAR(50),
    CONSTRAINT case_receipt_number_uk UNIQUE (receipt_number),
    CONSTRAINT case_receipt_case_fk FOREIGN KEY (case_ref) REFERENCES case_file (case_ref)
);
