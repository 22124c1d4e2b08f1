-- Folio schema 3: snapshots of what was sent.
--
-- Each export keeps the exact content it was made from (the portfolio as laid out,
-- redactions applied, with the theme, paper and creation time), as JSON, so that a
-- user can see later what an application received. Exports made before schema 3
-- have none.

ALTER TABLE export_records ADD COLUMN snapshot TEXT;
