-- Folio schema 2: images.
--
-- An asset is an image after import (upright, without metadata, at most print size),
-- with its thumbnail. The same picture imported twice is kept once: `sha256` of the
-- normalised bytes is unique. Records refer to assets by id from their JSON body; an
-- asset nothing refers to is collected when the Trash is emptied.

CREATE TABLE assets (
    id            TEXT    PRIMARY KEY,
    sha256        TEXT    NOT NULL UNIQUE,
    media_type    TEXT    NOT NULL CHECK (media_type IN ('image/jpeg', 'image/png')),
    width         INTEGER NOT NULL CHECK (width > 0),
    height        INTEGER NOT NULL CHECK (height > 0),
    original_name TEXT    NOT NULL,
    bytes         BLOB    NOT NULL,
    thumbnail     BLOB    NOT NULL,
    created_at    INTEGER NOT NULL
) STRICT;
