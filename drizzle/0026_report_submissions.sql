CREATE TABLE "report_submissions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"jurisdiction_code" text NOT NULL,
	"jurisdiction_path" text NOT NULL,
	"kind" text NOT NULL,
	"year" integer NOT NULL,
	"quarter" integer,
	"figures" jsonb NOT NULL,
	"reason" text,
	"submitted_by_id" uuid NOT NULL,
	"submitted_at" timestamp with time zone DEFAULT now() NOT NULL,
	"superseded_at" timestamp with time zone,
	CONSTRAINT "report_submissions_quarter_check" CHECK (("report_submissions"."kind" = 'annual' AND "report_submissions"."quarter" IS NULL) OR ("report_submissions"."kind" = 'quarterly' AND "report_submissions"."quarter" BETWEEN 1 AND 4))
);
--> statement-breakpoint
ALTER TABLE "report_submissions" ADD CONSTRAINT "report_submissions_jurisdiction_code_jurisdictions_code_fk" FOREIGN KEY ("jurisdiction_code") REFERENCES "public"."jurisdictions"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_submissions" ADD CONSTRAINT "report_submissions_submitted_by_id_users_id_fk" FOREIGN KEY ("submitted_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "report_submissions_path_idx" ON "report_submissions" USING btree ("jurisdiction_path","year");--> statement-breakpoint
CREATE UNIQUE INDEX "report_submissions_current_idx" ON "report_submissions" USING btree ("jurisdiction_code","kind","year",coalesce("quarter", 0)) WHERE "report_submissions"."superseded_at" IS NULL;--> statement-breakpoint
-- A submitted report is frozen: only its being superseded may be recorded, and it is never deleted.
CREATE OR REPLACE FUNCTION report_submissions_refuse_change() RETURNS trigger AS $$
BEGIN
  IF TG_OP = 'DELETE' OR NEW.figures IS DISTINCT FROM OLD.figures
      OR NEW.jurisdiction_code IS DISTINCT FROM OLD.jurisdiction_code OR NEW.kind IS DISTINCT FROM OLD.kind
      OR NEW.year IS DISTINCT FROM OLD.year OR NEW.quarter IS DISTINCT FROM OLD.quarter
      OR NEW.submitted_at IS DISTINCT FROM OLD.submitted_at OR NEW.submitted_by_id IS DISTINCT FROM OLD.submitted_by_id
      OR (OLD.superseded_at IS NOT NULL AND NEW.superseded_at IS DISTINCT FROM OLD.superseded_at) THEN
    RAISE EXCEPTION 'report submission % is frozen', OLD.id USING ERRCODE = 'insufficient_privilege';
  END IF;
  RETURN NEW;
END;
$$ LANGUAGE plpgsql;--> statement-breakpoint
CREATE TRIGGER report_submissions_frozen BEFORE UPDATE OR DELETE ON report_submissions
  FOR EACH ROW EXECUTE FUNCTION report_submissions_refuse_change();
