-- Each officer's look of the desk (dark or light, text size), remembered per officer so that it
-- follows them from counter to counter: applied when they sign in, kept when the language changes.
-- One small row per officer; no row means the light theme at 100 %.
CREATE TABLE staff_look (
    username     VARCHAR(50) NOT NULL PRIMARY KEY REFERENCES staff (username),
    dark         BOOLEAN     NOT NULL DEFAULT FALSE,
    text_percent INTEGER     NOT NULL DEFAULT 100,
    CONSTRAINT staff_look_text_ck CHECK (text_percent IN (100, 125, 150))
);
