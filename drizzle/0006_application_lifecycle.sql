CREATE TYPE "public"."acceptance_method" AS ENUM('written_prereview', 'spot_check', 'panel_meeting', 'site_visit', 'expert_evaluation');--> statement-breakpoint
CREATE TYPE "public"."application_status" AS ENUM('draft', 'submitted', 'returned', 'district_recommended', 'district_not_recommended', 'under_acceptance', 'acceptance_passed', 'acceptance_failed', 'in_publicity', 'approved', 'not_approved', 'certified', 'withdrawn', 'revoked');--> statement-breakpoint
CREATE TYPE "public"."base_category" AS ENUM('point', 'station', 'zone');--> statement-breakpoint
CREATE TYPE "public"."base_level" AS ENUM('national', 'provincial', 'municipal', 'district');--> statement-breakpoint
CREATE TYPE "public"."conflict_kind" AS ENUM('same_unit', 'same_park_or_association', 'former_employment', 'declared_other');--> statement-breakpoint
CREATE TYPE "public"."conflict_status" AS ENUM('declared', 'confirmed', 'dismissed');--> statement-breakpoint
CREATE TYPE "public"."decision_form" AS ENUM('meeting', 'document');--> statement-breakpoint
CREATE TYPE "public"."expert_field" AS ENUM('law', 'it', 'industry', 'forensics');--> statement-breakpoint
CREATE TYPE "public"."revocation_ground" AS ENUM('false_material', 'serious_violation', 'serious_dishonesty', 'major_infringement', 'other');--> statement-breakpoint
CREATE TABLE "acceptance_activities" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"application_id" uuid NOT NULL,
	"method" "acceptance_method" NOT NULL,
	"occurred_on" date NOT NULL,
	"people" text NOT NULL,
	"findings" text NOT NULL,
	"recorded_by_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "annual_reviews" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"base_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"passed" boolean NOT NULL,
	"findings" text NOT NULL,
	"recorded_by_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "application_events" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "application_events_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"application_id" uuid NOT NULL,
	"action" text NOT NULL,
	"from_status" "application_status",
	"to_status" "application_status" NOT NULL,
	"actor_id" uuid,
	"actor_name" text,
	"comment" text,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "applications" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"unit_id" uuid NOT NULL,
	"programme_id" uuid NOT NULL,
	"kind_id" text NOT NULL,
	"self_assessment_id" uuid,
	"status" "application_status" DEFAULT 'draft' NOT NULL,
	"form_data" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"narrative" text DEFAULT '' NOT NULL,
	"applicant_opinion" text DEFAULT '' NOT NULL,
	"answers" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"attachments" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"district_answers" jsonb,
	"district_score" numeric(7, 2),
	"district_opinion" text,
	"return_reason" text,
	"acceptance_opinion" text,
	"submitted_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"created_by_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "bases" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"application_id" uuid NOT NULL,
	"unit_id" uuid NOT NULL,
	"programme_id" uuid NOT NULL,
	"kind_id" text NOT NULL,
	"title" text NOT NULL,
	"category" "base_category" NOT NULL,
	"level" "base_level" NOT NULL,
	"jurisdiction_code" text NOT NULL,
	"industry_code" text NOT NULL,
	"year" integer NOT NULL,
	"certificate_no" text NOT NULL,
	"decision_form" "decision_form" NOT NULL,
	"decision_number" text,
	"decided_on" date NOT NULL,
	"plaque_text" text NOT NULL,
	"revoked_on" date,
	"revocation_ground" "revocation_ground",
	"revocation_document" text,
	"revocation_note" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "calendar_overrides" (
	"date" date PRIMARY KEY NOT NULL,
	"workday" boolean NOT NULL,
	"note" text,
	"updated_by_id" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "expert_conflicts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"expert_id" uuid NOT NULL,
	"unit_id" uuid NOT NULL,
	"kind" "conflict_kind" NOT NULL,
	"status" "conflict_status" DEFAULT 'declared' NOT NULL,
	"note" text,
	"declared_by_id" uuid,
	"decided_by_id" uuid,
	"decided_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "experts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid,
	"name" text NOT NULL,
	"affiliation" text NOT NULL,
	"field" "expert_field" NOT NULL,
	"industries" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"phone" text,
	"email" text,
	"background" text,
	"jurisdiction_code" text NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "notifications" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"title" text NOT NULL,
	"body" text DEFAULT '' NOT NULL,
	"link" text,
	"read_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "objections" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"notice_id" uuid NOT NULL,
	"application_id" uuid NOT NULL,
	"name" text NOT NULL,
	"contact" text NOT NULL,
	"reasons" text NOT NULL,
	"attachments" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"resolution" text,
	"upheld" boolean,
	"resolved_by_id" uuid,
	"resolved_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "panel_assignments" (
	"application_id" uuid NOT NULL,
	"expert_id" uuid NOT NULL,
	"assigned_by_id" uuid,
	"assigned_at" timestamp with time zone DEFAULT now() NOT NULL,
	"answers" jsonb,
	"comment" text,
	"scored_at" timestamp with time zone,
	"recused_at" timestamp with time zone,
	"recusal_reason" text,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "panel_assignments_application_id_expert_id_pk" PRIMARY KEY("application_id","expert_id")
);
--> statement-breakpoint
CREATE TABLE "publicity_entries" (
	"notice_id" uuid NOT NULL,
	"application_id" uuid NOT NULL,
	CONSTRAINT "publicity_entries_notice_id_application_id_pk" PRIMARY KEY("notice_id","application_id")
);
--> statement-breakpoint
CREATE TABLE "publicity_notices" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"programme_id" uuid NOT NULL,
	"title" text NOT NULL,
	"body" text DEFAULT '' NOT NULL,
	"starts_on" date NOT NULL,
	"working_days" integer NOT NULL,
	"ends_on" date NOT NULL,
	"created_by_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "acceptance_activities" ADD CONSTRAINT "acceptance_activities_application_id_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."applications"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "acceptance_activities" ADD CONSTRAINT "acceptance_activities_recorded_by_id_users_id_fk" FOREIGN KEY ("recorded_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "annual_reviews" ADD CONSTRAINT "annual_reviews_base_id_bases_id_fk" FOREIGN KEY ("base_id") REFERENCES "public"."bases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "annual_reviews" ADD CONSTRAINT "annual_reviews_recorded_by_id_users_id_fk" FOREIGN KEY ("recorded_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "application_events" ADD CONSTRAINT "application_events_application_id_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."applications"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "application_events" ADD CONSTRAINT "application_events_actor_id_users_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "applications" ADD CONSTRAINT "applications_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "applications" ADD CONSTRAINT "applications_programme_id_programmes_id_fk" FOREIGN KEY ("programme_id") REFERENCES "public"."programmes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "applications" ADD CONSTRAINT "applications_self_assessment_id_self_assessments_id_fk" FOREIGN KEY ("self_assessment_id") REFERENCES "public"."self_assessments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "applications" ADD CONSTRAINT "applications_created_by_id_users_id_fk" FOREIGN KEY ("created_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bases" ADD CONSTRAINT "bases_application_id_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."applications"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bases" ADD CONSTRAINT "bases_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bases" ADD CONSTRAINT "bases_programme_id_programmes_id_fk" FOREIGN KEY ("programme_id") REFERENCES "public"."programmes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bases" ADD CONSTRAINT "bases_jurisdiction_code_jurisdictions_code_fk" FOREIGN KEY ("jurisdiction_code") REFERENCES "public"."jurisdictions"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "calendar_overrides" ADD CONSTRAINT "calendar_overrides_updated_by_id_users_id_fk" FOREIGN KEY ("updated_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "expert_conflicts" ADD CONSTRAINT "expert_conflicts_expert_id_experts_id_fk" FOREIGN KEY ("expert_id") REFERENCES "public"."experts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "expert_conflicts" ADD CONSTRAINT "expert_conflicts_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "expert_conflicts" ADD CONSTRAINT "expert_conflicts_declared_by_id_users_id_fk" FOREIGN KEY ("declared_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "expert_conflicts" ADD CONSTRAINT "expert_conflicts_decided_by_id_users_id_fk" FOREIGN KEY ("decided_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "experts" ADD CONSTRAINT "experts_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "experts" ADD CONSTRAINT "experts_jurisdiction_code_jurisdictions_code_fk" FOREIGN KEY ("jurisdiction_code") REFERENCES "public"."jurisdictions"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "objections" ADD CONSTRAINT "objections_notice_id_publicity_notices_id_fk" FOREIGN KEY ("notice_id") REFERENCES "public"."publicity_notices"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "objections" ADD CONSTRAINT "objections_application_id_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."applications"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "objections" ADD CONSTRAINT "objections_resolved_by_id_users_id_fk" FOREIGN KEY ("resolved_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "panel_assignments" ADD CONSTRAINT "panel_assignments_application_id_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."applications"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "panel_assignments" ADD CONSTRAINT "panel_assignments_expert_id_experts_id_fk" FOREIGN KEY ("expert_id") REFERENCES "public"."experts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "panel_assignments" ADD CONSTRAINT "panel_assignments_assigned_by_id_users_id_fk" FOREIGN KEY ("assigned_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "publicity_entries" ADD CONSTRAINT "publicity_entries_notice_id_publicity_notices_id_fk" FOREIGN KEY ("notice_id") REFERENCES "public"."publicity_notices"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "publicity_entries" ADD CONSTRAINT "publicity_entries_application_id_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."applications"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "publicity_notices" ADD CONSTRAINT "publicity_notices_programme_id_programmes_id_fk" FOREIGN KEY ("programme_id") REFERENCES "public"."programmes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "publicity_notices" ADD CONSTRAINT "publicity_notices_created_by_id_users_id_fk" FOREIGN KEY ("created_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "acceptance_activities_application_idx" ON "acceptance_activities" USING btree ("application_id");--> statement-breakpoint
CREATE UNIQUE INDEX "annual_reviews_base_year_idx" ON "annual_reviews" USING btree ("base_id","year");--> statement-breakpoint
CREATE INDEX "application_events_application_idx" ON "application_events" USING btree ("application_id","at");--> statement-breakpoint
CREATE INDEX "applications_unit_idx" ON "applications" USING btree ("unit_id");--> statement-breakpoint
CREATE INDEX "applications_programme_idx" ON "applications" USING btree ("programme_id","kind_id","status");--> statement-breakpoint
CREATE UNIQUE INDEX "applications_one_active_idx" ON "applications" USING btree ("unit_id","programme_id","kind_id") WHERE status NOT IN ('withdrawn', 'district_not_recommended', 'acceptance_failed', 'not_approved', 'revoked');--> statement-breakpoint
CREATE UNIQUE INDEX "bases_certificate_no_idx" ON "bases" USING btree ("certificate_no");--> statement-breakpoint
CREATE UNIQUE INDEX "bases_application_idx" ON "bases" USING btree ("application_id");--> statement-breakpoint
CREATE INDEX "bases_unit_idx" ON "bases" USING btree ("unit_id");--> statement-breakpoint
CREATE INDEX "bases_jurisdiction_idx" ON "bases" USING btree ("jurisdiction_code");--> statement-breakpoint
CREATE INDEX "expert_conflicts_pair_idx" ON "expert_conflicts" USING btree ("expert_id","unit_id");--> statement-breakpoint
CREATE UNIQUE INDEX "experts_user_idx" ON "experts" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "experts_jurisdiction_idx" ON "experts" USING btree ("jurisdiction_code");--> statement-breakpoint
CREATE INDEX "notifications_user_idx" ON "notifications" USING btree ("user_id","created_at");--> statement-breakpoint
CREATE INDEX "objections_application_idx" ON "objections" USING btree ("application_id");--> statement-breakpoint
CREATE INDEX "panel_assignments_expert_idx" ON "panel_assignments" USING btree ("expert_id");--> statement-breakpoint
CREATE INDEX "publicity_notices_programme_idx" ON "publicity_notices" USING btree ("programme_id");--> statement-breakpoint
-- An application's history is append-only, like the audit log.
CREATE TRIGGER application_events_append_only BEFORE UPDATE OR DELETE ON application_events
  FOR EACH ROW EXECUTE FUNCTION refuse_change();
