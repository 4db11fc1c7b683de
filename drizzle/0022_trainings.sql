CREATE TYPE "public"."training_audience" AS ENUM('open', 'registered_units', 'officers');--> statement-breakpoint
CREATE TYPE "public"."training_kind" AS ENUM('training', 'lecture', 'forum', 'case_seminar');--> statement-breakpoint
CREATE TYPE "public"."training_registration_kind" AS ENUM('registered', 'walk_in');--> statement-breakpoint
CREATE TYPE "public"."training_venue_role" AS ENUM('main', 'sub');--> statement-breakpoint
CREATE TABLE "training_attendance" (
	"event_id" uuid NOT NULL,
	"unit_id" uuid NOT NULL,
	"ledger_entry_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "training_attendance_event_id_unit_id_pk" PRIMARY KEY("event_id","unit_id")
);
--> statement-breakpoint
CREATE TABLE "training_events" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"kind" "training_kind" NOT NULL,
	"title" text NOT NULL,
	"description" text,
	"owner_jurisdiction_code" text NOT NULL,
	"audience" "training_audience" NOT NULL,
	"starts_on" date NOT NULL,
	"ends_on" date NOT NULL,
	"survey" jsonb NOT NULL,
	"cancelled_at" timestamp with time zone,
	"created_by_id" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "training_feedback" (
	"registration_id" uuid PRIMARY KEY NOT NULL,
	"event_id" uuid NOT NULL,
	"answers" jsonb NOT NULL,
	"submitted_by_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "training_materials" (
	"event_id" uuid NOT NULL,
	"sha256" text NOT NULL,
	"file_name" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "training_materials_event_id_sha256_pk" PRIMARY KEY("event_id","sha256")
);
--> statement-breakpoint
CREATE TABLE "training_registrations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"event_id" uuid NOT NULL,
	"venue_id" uuid NOT NULL,
	"kind" "training_registration_kind" NOT NULL,
	"unit_id" uuid,
	"unit_name" text NOT NULL,
	"attendee_name" text NOT NULL,
	"position" text,
	"mobile" text,
	"checked_in_at" timestamp with time zone,
	"checked_in_by_id" uuid,
	"cancelled_at" timestamp with time zone,
	"created_by_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "training_sessions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"event_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"title" text NOT NULL,
	"starts_at" text,
	"speaker_expert_id" uuid,
	"speaker_name" text,
	"speaker_title" text
);
--> statement-breakpoint
CREATE TABLE "training_venues" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"event_id" uuid NOT NULL,
	"role" "training_venue_role" NOT NULL,
	"name" text NOT NULL,
	"host_jurisdiction_code" text NOT NULL,
	"capacity" integer NOT NULL,
	"address" text,
	"online_url" text,
	"position" integer NOT NULL,
	CONSTRAINT "training_venues_capacity_check" CHECK ("training_venues"."capacity" > 0)
);
--> statement-breakpoint
ALTER TABLE "training_attendance" ADD CONSTRAINT "training_attendance_event_id_training_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."training_events"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_attendance" ADD CONSTRAINT "training_attendance_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_attendance" ADD CONSTRAINT "training_attendance_ledger_entry_id_ledger_entries_id_fk" FOREIGN KEY ("ledger_entry_id") REFERENCES "public"."ledger_entries"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_events" ADD CONSTRAINT "training_events_owner_jurisdiction_code_jurisdictions_code_fk" FOREIGN KEY ("owner_jurisdiction_code") REFERENCES "public"."jurisdictions"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_events" ADD CONSTRAINT "training_events_created_by_id_users_id_fk" FOREIGN KEY ("created_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_feedback" ADD CONSTRAINT "training_feedback_registration_id_training_registrations_id_fk" FOREIGN KEY ("registration_id") REFERENCES "public"."training_registrations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_feedback" ADD CONSTRAINT "training_feedback_event_id_training_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."training_events"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_feedback" ADD CONSTRAINT "training_feedback_submitted_by_id_users_id_fk" FOREIGN KEY ("submitted_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_materials" ADD CONSTRAINT "training_materials_event_id_training_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."training_events"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_materials" ADD CONSTRAINT "training_materials_sha256_attachments_sha256_fk" FOREIGN KEY ("sha256") REFERENCES "public"."attachments"("sha256") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_registrations" ADD CONSTRAINT "training_registrations_event_id_training_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."training_events"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_registrations" ADD CONSTRAINT "training_registrations_venue_id_training_venues_id_fk" FOREIGN KEY ("venue_id") REFERENCES "public"."training_venues"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_registrations" ADD CONSTRAINT "training_registrations_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_registrations" ADD CONSTRAINT "training_registrations_checked_in_by_id_users_id_fk" FOREIGN KEY ("checked_in_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_registrations" ADD CONSTRAINT "training_registrations_created_by_id_users_id_fk" FOREIGN KEY ("created_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_sessions" ADD CONSTRAINT "training_sessions_event_id_training_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."training_events"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_sessions" ADD CONSTRAINT "training_sessions_speaker_expert_id_experts_id_fk" FOREIGN KEY ("speaker_expert_id") REFERENCES "public"."experts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_venues" ADD CONSTRAINT "training_venues_event_id_training_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."training_events"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_venues" ADD CONSTRAINT "training_venues_host_jurisdiction_code_jurisdictions_code_fk" FOREIGN KEY ("host_jurisdiction_code") REFERENCES "public"."jurisdictions"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "training_events_owner_idx" ON "training_events" USING btree ("owner_jurisdiction_code");--> statement-breakpoint
CREATE INDEX "training_events_starts_idx" ON "training_events" USING btree ("starts_on");--> statement-breakpoint
CREATE INDEX "training_feedback_event_idx" ON "training_feedback" USING btree ("event_id");--> statement-breakpoint
CREATE INDEX "training_registrations_venue_idx" ON "training_registrations" USING btree ("venue_id");--> statement-breakpoint
CREATE INDEX "training_registrations_unit_idx" ON "training_registrations" USING btree ("unit_id");--> statement-breakpoint
CREATE UNIQUE INDEX "training_registrations_attendee_idx" ON "training_registrations" USING btree ("event_id","unit_name","attendee_name") WHERE "training_registrations"."cancelled_at" IS NULL;--> statement-breakpoint
CREATE INDEX "training_sessions_event_idx" ON "training_sessions" USING btree ("event_id","position");--> statement-breakpoint
CREATE INDEX "training_venues_event_idx" ON "training_venues" USING btree ("event_id");--> statement-breakpoint
CREATE INDEX "training_venues_host_idx" ON "training_venues" USING btree ("host_jurisdiction_code");