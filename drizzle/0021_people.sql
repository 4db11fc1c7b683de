CREATE TYPE "public"."availability" AS ENUM('available', 'limited', 'unavailable');--> statement-breakpoint
CREATE TYPE "public"."person_level" AS ENUM('city', 'district');--> statement-breakpoint
CREATE TYPE "public"."profession" AS ENUM('judge', 'prosecutor', 'scholar', 'lawyer', 'forensic_examiner', 'industry_expert', 'officer');--> statement-breakpoint
CREATE TYPE "public"."adoption_status" AS ENUM('declared', 'confirmed', 'rejected');--> statement-breakpoint
CREATE TYPE "public"."contact_way" AS ENUM('visit', 'phone', 'meeting', 'online');--> statement-breakpoint
CREATE TYPE "public"."person_record_kind" AS ENUM('consultation', 'research', 'case', 'training_given', 'training_attended');--> statement-breakpoint
ALTER TYPE "public"."expert_field" ADD VALUE 'economics';--> statement-breakpoint
CREATE TABLE "contact_firms" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"unit_id" uuid NOT NULL,
	"jurisdiction_code" text NOT NULL,
	"liaison_officer_id" uuid NOT NULL,
	"contact_name" text NOT NULL,
	"contact_position" text,
	"contact_phone" text,
	"interval_days" integer NOT NULL,
	"designated_on" date NOT NULL,
	"note" text,
	"active" boolean DEFAULT true NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_by_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "contact_logs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"contact_firm_id" uuid NOT NULL,
	"contacted_on" date NOT NULL,
	"way" "contact_way" NOT NULL,
	"content" text NOT NULL,
	"recorded_by_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "person_records" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"expert_id" uuid NOT NULL,
	"kind" "person_record_kind" NOT NULL,
	"occurred_on" date NOT NULL,
	"title" text NOT NULL,
	"description" text,
	"case_ref" text,
	"source_type" text,
	"source_id" text,
	"recorded_by_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "standard_adoptions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"unit_id" uuid NOT NULL,
	"standard" text NOT NULL,
	"adopted_on" date NOT NULL,
	"statement" text NOT NULL,
	"attachments" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"status" "adoption_status" DEFAULT 'declared' NOT NULL,
	"declared_by_id" uuid,
	"decided_by_id" uuid,
	"decided_on" date,
	"decision_note" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "experts" ADD COLUMN "roles" jsonb DEFAULT '["acceptance_expert"]'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "experts" ADD COLUMN "profession" "profession";--> statement-breakpoint
ALTER TABLE "experts" ADD COLUMN "fields" jsonb DEFAULT '[]'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "experts" ADD COLUMN "local_industries" jsonb DEFAULT '[]'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "experts" ADD COLUMN "level" "person_level";--> statement-breakpoint
ALTER TABLE "experts" ADD COLUMN "availability" "availability" DEFAULT 'available' NOT NULL;--> statement-breakpoint
ALTER TABLE "experts" ADD COLUMN "availability_note" text;--> statement-breakpoint
ALTER TABLE "contact_firms" ADD CONSTRAINT "contact_firms_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contact_firms" ADD CONSTRAINT "contact_firms_jurisdiction_code_jurisdictions_code_fk" FOREIGN KEY ("jurisdiction_code") REFERENCES "public"."jurisdictions"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contact_firms" ADD CONSTRAINT "contact_firms_liaison_officer_id_users_id_fk" FOREIGN KEY ("liaison_officer_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contact_firms" ADD CONSTRAINT "contact_firms_created_by_id_users_id_fk" FOREIGN KEY ("created_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contact_logs" ADD CONSTRAINT "contact_logs_contact_firm_id_contact_firms_id_fk" FOREIGN KEY ("contact_firm_id") REFERENCES "public"."contact_firms"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contact_logs" ADD CONSTRAINT "contact_logs_recorded_by_id_users_id_fk" FOREIGN KEY ("recorded_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "person_records" ADD CONSTRAINT "person_records_expert_id_experts_id_fk" FOREIGN KEY ("expert_id") REFERENCES "public"."experts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "person_records" ADD CONSTRAINT "person_records_recorded_by_id_users_id_fk" FOREIGN KEY ("recorded_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "standard_adoptions" ADD CONSTRAINT "standard_adoptions_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "standard_adoptions" ADD CONSTRAINT "standard_adoptions_declared_by_id_users_id_fk" FOREIGN KEY ("declared_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "standard_adoptions" ADD CONSTRAINT "standard_adoptions_decided_by_id_users_id_fk" FOREIGN KEY ("decided_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "contact_firms_unit_idx" ON "contact_firms" USING btree ("unit_id");--> statement-breakpoint
CREATE INDEX "contact_firms_jurisdiction_idx" ON "contact_firms" USING btree ("jurisdiction_code");--> statement-breakpoint
CREATE INDEX "contact_logs_firm_idx" ON "contact_logs" USING btree ("contact_firm_id","contacted_on");--> statement-breakpoint
CREATE INDEX "person_records_expert_idx" ON "person_records" USING btree ("expert_id","occurred_on");--> statement-breakpoint
CREATE UNIQUE INDEX "person_records_source_idx" ON "person_records" USING btree ("expert_id","kind","source_type","source_id") WHERE source_id IS NOT NULL;--> statement-breakpoint
CREATE INDEX "standard_adoptions_unit_idx" ON "standard_adoptions" USING btree ("unit_id");--> statement-breakpoint
CREATE UNIQUE INDEX "standard_adoptions_live_idx" ON "standard_adoptions" USING btree ("unit_id") WHERE status <> 'rejected';--> statement-breakpoint
-- The acceptance-expert registry becomes the register of people: every existing expert keeps its row and id, is an
-- acceptance expert (the column default), covers its one field, and sits at the level of its registry's bureau.
UPDATE "experts" SET "fields" = jsonb_build_array("field"::text) WHERE "fields" = '[]'::jsonb;--> statement-breakpoint
UPDATE "experts" e SET "level" = CASE WHEN j."level" IN ('district', 'functional_zone') THEN 'district'::"person_level" ELSE 'city'::"person_level" END
  FROM "jurisdictions" j WHERE j."code" = e."jurisdiction_code" AND e."level" IS NULL;
