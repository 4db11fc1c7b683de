-- A published programme version is immutable: whatever already used it keeps exactly what it used.
-- Editing makes a new draft version (a new row); only drafts change, and only drafts may be deleted.
CREATE OR REPLACE FUNCTION programmes_refuse_published_change() RETURNS trigger AS $$
BEGIN
  IF OLD.status = 'published' THEN
    RAISE EXCEPTION 'programme % version % is published and cannot be changed', OLD.code, OLD.version
      USING ERRCODE = 'insufficient_privilege';
  END IF;
  IF TG_OP = 'DELETE' THEN
    RETURN OLD;
  END IF;
  RETURN NEW;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER programmes_published_immutable BEFORE UPDATE OR DELETE ON programmes
  FOR EACH ROW EXECUTE FUNCTION programmes_refuse_published_change();
