-- Who is signed in. Every service call names its session; the services look the session up
-- here and re-read the account (active, role) instead of trusting what the caller holds.
-- kind: STAFF (a person who logged in), SYSTEM (the pull and push loops, nothing else),
-- SETUP (a data folder without any account yet: valid only while there is none),
-- TRAINING (simulate/demo on a training folder: valid only on such a folder).
CREATE TABLE staff_session (
    id          VARCHAR(64)  NOT NULL PRIMARY KEY,
    kind        VARCHAR(10)  NOT NULL,
    username    VARCHAR(50)  NOT NULL,
    role        VARCHAR(20),
    started_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    ended_at    TIMESTAMP WITH TIME ZONE,
    CONSTRAINT staff_session_kind_ck CHECK (kind IN ('STAFF', 'SYSTEM', 'SETUP', 'TRAINING'))
);

-- Lockout: five wrong passwords in a row lock the account for a while (stored, so a restart
-- does not unlock it).
ALTER TABLE staff ADD COLUMN failed_logins INTEGER DEFAULT 0 NOT NULL;
ALTER TABLE staff ADD COLUMN locked_until TIMESTAMP WITH TIME ZONE;

-- Folder-wide events are audited too (logins, accounts, holidays, settings, prints, reports,
-- exports, backups): their rows name no case.
ALTER TABLE audit_log ALTER COLUMN case_ref DROP NOT NULL;
