-- Folio schema 4: what was copied into LinkedIn.
--
-- The LinkedIn kit lays out what to paste into each field of a LinkedIn profile. When
-- the user copies a field, its text is kept here, so that the kit and the coach can say
-- which fields on LinkedIn no longer read as the portfolio would write them. One row
-- per field: `key` is "headline", "about", "skills", "featured" or "experience:<id>".

CREATE TABLE linkedin_copies (
    key TEXT PRIMARY KEY NOT NULL,
    text TEXT NOT NULL,
    copied_at INTEGER NOT NULL
) STRICT;
