-- Extensions the platform relies on. Both ship with PostgreSQL's contrib (Debian postgresql-contrib,
-- embedded-postgres). CREATE EXTENSION needs a role allowed to create them (superuser or owner of
-- a trusted extension: pg_trgm and unaccent are trusted since PostgreSQL 13).
CREATE EXTENSION IF NOT EXISTS pg_trgm;--> statement-breakpoint
CREATE EXTENSION IF NOT EXISTS unaccent;--> statement-breakpoint
-- unaccent() is STABLE, so it cannot back an index or a generated column. This wrapper pins the
-- dictionary and is declared IMMUTABLE: folding Vietnamese text ("Đăng ký" -> "dang ky") never changes.
CREATE OR REPLACE FUNCTION public.vn_fold(input text) RETURNS text
  LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
  AS $$ SELECT lower(public.unaccent('public.unaccent'::regdictionary, input)) $$;
