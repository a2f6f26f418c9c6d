-- Trigram matching for child name search and duplicate checks (similarity()). PGlite must be
-- created with the extension loaded (db/client.ts pgliteOptions); on PostgreSQL it ships in contrib
-- and is a trusted extension, so the database owner may create it.
CREATE EXTENSION IF NOT EXISTS pg_trgm;
