CREATE TABLE "assessment_schemes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"code" text NOT NULL,
	"owner_jurisdiction_code" text NOT NULL,
	"year" integer NOT NULL,
	"title" text NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"definition" jsonb NOT NULL,
	"published_at" timestamp with time zone,
	"results_published_at" timestamp with time zone,
	"created_by_id" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "assessment_scores" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"scheme_id" uuid NOT NULL,
	"jurisdiction_code" text NOT NULL,
	"indicator_id" text NOT NULL,
	"points" numeric(7, 2) NOT NULL,
	"note" text NOT NULL,
	"attachments" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"scored_by_id" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "assessment_schemes" ADD CONSTRAINT "assessment_schemes_owner_jurisdiction_code_jurisdictions_code_fk" FOREIGN KEY ("owner_jurisdiction_code") REFERENCES "public"."jurisdictions"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assessment_schemes" ADD CONSTRAINT "assessment_schemes_created_by_id_users_id_fk" FOREIGN KEY ("created_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assessment_scores" ADD CONSTRAINT "assessment_scores_scheme_id_assessment_schemes_id_fk" FOREIGN KEY ("scheme_id") REFERENCES "public"."assessment_schemes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assessment_scores" ADD CONSTRAINT "assessment_scores_jurisdiction_code_jurisdictions_code_fk" FOREIGN KEY ("jurisdiction_code") REFERENCES "public"."jurisdictions"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assessment_scores" ADD CONSTRAINT "assessment_scores_scored_by_id_users_id_fk" FOREIGN KEY ("scored_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "assessment_schemes_code_idx" ON "assessment_schemes" USING btree ("code");--> statement-breakpoint
CREATE INDEX "assessment_schemes_owner_idx" ON "assessment_schemes" USING btree ("owner_jurisdiction_code");--> statement-breakpoint
CREATE UNIQUE INDEX "assessment_scores_cell_idx" ON "assessment_scores" USING btree ("scheme_id","jurisdiction_code","indicator_id");--> statement-breakpoint
-- A published assessment scheme is fixed: only its status moves on (published → results published).
CREATE OR REPLACE FUNCTION assessment_schemes_refuse_published_change() RETURNS trigger AS $$
BEGIN
  IF OLD.status <> 'draft' AND (TG_OP = 'DELETE' OR NEW.definition IS DISTINCT FROM OLD.definition
      OR NEW.code IS DISTINCT FROM OLD.code OR NEW.year IS DISTINCT FROM OLD.year
      OR NEW.owner_jurisdiction_code IS DISTINCT FROM OLD.owner_jurisdiction_code) THEN
    RAISE EXCEPTION 'assessment scheme % is published and cannot be changed', OLD.code
      USING ERRCODE = 'insufficient_privilege';
  END IF;
  IF TG_OP = 'DELETE' THEN
    RETURN OLD;
  END IF;
  RETURN NEW;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER assessment_schemes_published_immutable BEFORE UPDATE OR DELETE ON assessment_schemes
  FOR EACH ROW EXECUTE FUNCTION assessment_schemes_refuse_published_change();
