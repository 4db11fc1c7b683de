CREATE TYPE "public"."guide_kind" AS ENUM('protection_guide', 'rule_guidance', 'template_confidentiality', 'template_non_compete', 'template_internal_rules');--> statement-breakpoint
CREATE TYPE "public"."guide_visibility" AS ENUM('public', 'registered');--> statement-breakpoint
CREATE TYPE "public"."service_attack_status" AS ENUM('requested', 'scheduled', 'reported', 'closed');--> statement-breakpoint
CREATE TYPE "public"."service_campaign_kind" AS ENUM('park', 'enterprise', 'market');--> statement-breakpoint
CREATE TYPE "public"."service_finding_severity" AS ENUM('high', 'medium', 'low');--> statement-breakpoint
CREATE TYPE "public"."service_finding_status" AS ENUM('open', 'in_progress', 'resolved', 'accepted');--> statement-breakpoint
CREATE TYPE "public"."service_kind" AS ENUM('administrative_guidance', 'legal_consultation', 'rights_assistance', 'litigation_agency', 'training_publicity');--> statement-breakpoint
CREATE TYPE "public"."service_partner_kind" AS ENUM('law_firm', 'ip_service', 'forensic', 'security_assessor');--> statement-breakpoint
CREATE TYPE "public"."service_provider" AS ENUM('bureau', 'partner');--> statement-breakpoint
CREATE TABLE "guide_documents" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"kind" "guide_kind" NOT NULL,
	"jurisdiction_code" text NOT NULL,
	"industry_code" text,
	"visibility" "guide_visibility" NOT NULL,
	"current_version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "guide_versions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"document_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"title" text NOT NULL,
	"summary" text NOT NULL,
	"body" text NOT NULL,
	"sha256" text NOT NULL,
	"file_name" text NOT NULL,
	"change_note" text,
	"published_on" date NOT NULL,
	"published_by_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "service_attack_assessments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"unit_id" uuid NOT NULL,
	"partner_id" uuid NOT NULL,
	"status" "service_attack_status" DEFAULT 'requested' NOT NULL,
	"scope" text NOT NULL,
	"requested_by_id" uuid,
	"requested_on" date NOT NULL,
	"responsible_officer_id" uuid,
	"scheduled_on" date,
	"report_sha256" text,
	"report_file_name" text,
	"report_summary" text,
	"reported_on" date,
	"closed_on" date,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "service_attack_findings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"assessment_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"title" text NOT NULL,
	"severity" "service_finding_severity" NOT NULL,
	"recommendation" text,
	"status" "service_finding_status" DEFAULT 'open' NOT NULL,
	"follow_up" text,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "service_campaign_visits" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"kind" "service_campaign_kind" NOT NULL,
	"jurisdiction_code" text NOT NULL,
	"unit_id" uuid,
	"place_name" text NOT NULL,
	"occurred_on" date NOT NULL,
	"firms_reached" integer DEFAULT 0 NOT NULL,
	"participants" integer,
	"summary" text,
	"ledger_entry_id" uuid,
	"recorded_by_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "service_convention_signatories" (
	"convention_id" uuid NOT NULL,
	"member_id" uuid NOT NULL,
	CONSTRAINT "service_convention_signatories_convention_id_member_id_pk" PRIMARY KEY("convention_id","member_id")
);
--> statement-breakpoint
CREATE TABLE "service_conventions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"association_id" uuid NOT NULL,
	"title" text NOT NULL,
	"signed_on" date NOT NULL,
	"content" text,
	"recorded_by_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "service_partners" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"kind" "service_partner_kind" NOT NULL,
	"jurisdiction_code" text NOT NULL,
	"unit_id" uuid,
	"attack_accredited" boolean DEFAULT false NOT NULL,
	"contact_name" text,
	"contact_phone" text,
	"created_by_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "service_records" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"kind" "service_kind" NOT NULL,
	"unit_id" uuid NOT NULL,
	"provider" "service_provider" NOT NULL,
	"partner_id" uuid,
	"occurred_on" date NOT NULL,
	"title" text NOT NULL,
	"description" text,
	"ledger_entry_id" uuid,
	"recorded_by_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "guide_documents" ADD CONSTRAINT "guide_documents_jurisdiction_code_jurisdictions_code_fk" FOREIGN KEY ("jurisdiction_code") REFERENCES "public"."jurisdictions"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "guide_versions" ADD CONSTRAINT "guide_versions_document_id_guide_documents_id_fk" FOREIGN KEY ("document_id") REFERENCES "public"."guide_documents"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "guide_versions" ADD CONSTRAINT "guide_versions_sha256_attachments_sha256_fk" FOREIGN KEY ("sha256") REFERENCES "public"."attachments"("sha256") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "guide_versions" ADD CONSTRAINT "guide_versions_published_by_id_users_id_fk" FOREIGN KEY ("published_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service_attack_assessments" ADD CONSTRAINT "service_attack_assessments_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service_attack_assessments" ADD CONSTRAINT "service_attack_assessments_partner_id_service_partners_id_fk" FOREIGN KEY ("partner_id") REFERENCES "public"."service_partners"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service_attack_assessments" ADD CONSTRAINT "service_attack_assessments_requested_by_id_users_id_fk" FOREIGN KEY ("requested_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service_attack_assessments" ADD CONSTRAINT "service_attack_assessments_responsible_officer_id_users_id_fk" FOREIGN KEY ("responsible_officer_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service_attack_assessments" ADD CONSTRAINT "service_attack_assessments_report_sha256_attachments_sha256_fk" FOREIGN KEY ("report_sha256") REFERENCES "public"."attachments"("sha256") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service_attack_findings" ADD CONSTRAINT "service_attack_findings_assessment_id_service_attack_assessments_id_fk" FOREIGN KEY ("assessment_id") REFERENCES "public"."service_attack_assessments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service_campaign_visits" ADD CONSTRAINT "service_campaign_visits_jurisdiction_code_jurisdictions_code_fk" FOREIGN KEY ("jurisdiction_code") REFERENCES "public"."jurisdictions"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service_campaign_visits" ADD CONSTRAINT "service_campaign_visits_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service_campaign_visits" ADD CONSTRAINT "service_campaign_visits_ledger_entry_id_ledger_entries_id_fk" FOREIGN KEY ("ledger_entry_id") REFERENCES "public"."ledger_entries"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service_campaign_visits" ADD CONSTRAINT "service_campaign_visits_recorded_by_id_users_id_fk" FOREIGN KEY ("recorded_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service_convention_signatories" ADD CONSTRAINT "service_convention_signatories_convention_id_service_conventions_id_fk" FOREIGN KEY ("convention_id") REFERENCES "public"."service_conventions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service_convention_signatories" ADD CONSTRAINT "service_convention_signatories_member_id_units_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service_conventions" ADD CONSTRAINT "service_conventions_association_id_units_id_fk" FOREIGN KEY ("association_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service_conventions" ADD CONSTRAINT "service_conventions_recorded_by_id_users_id_fk" FOREIGN KEY ("recorded_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service_partners" ADD CONSTRAINT "service_partners_jurisdiction_code_jurisdictions_code_fk" FOREIGN KEY ("jurisdiction_code") REFERENCES "public"."jurisdictions"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service_partners" ADD CONSTRAINT "service_partners_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service_partners" ADD CONSTRAINT "service_partners_created_by_id_users_id_fk" FOREIGN KEY ("created_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service_records" ADD CONSTRAINT "service_records_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service_records" ADD CONSTRAINT "service_records_partner_id_service_partners_id_fk" FOREIGN KEY ("partner_id") REFERENCES "public"."service_partners"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service_records" ADD CONSTRAINT "service_records_ledger_entry_id_ledger_entries_id_fk" FOREIGN KEY ("ledger_entry_id") REFERENCES "public"."ledger_entries"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service_records" ADD CONSTRAINT "service_records_recorded_by_id_users_id_fk" FOREIGN KEY ("recorded_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "guide_documents_jurisdiction_idx" ON "guide_documents" USING btree ("jurisdiction_code");--> statement-breakpoint
CREATE UNIQUE INDEX "guide_versions_document_version_idx" ON "guide_versions" USING btree ("document_id","version");--> statement-breakpoint
CREATE INDEX "service_attack_unit_idx" ON "service_attack_assessments" USING btree ("unit_id");--> statement-breakpoint
CREATE INDEX "service_attack_partner_idx" ON "service_attack_assessments" USING btree ("partner_id");--> statement-breakpoint
CREATE INDEX "service_attack_findings_assessment_idx" ON "service_attack_findings" USING btree ("assessment_id","position");--> statement-breakpoint
CREATE INDEX "service_campaign_visits_jurisdiction_idx" ON "service_campaign_visits" USING btree ("jurisdiction_code","occurred_on");--> statement-breakpoint
CREATE INDEX "service_convention_member_idx" ON "service_convention_signatories" USING btree ("member_id");--> statement-breakpoint
CREATE INDEX "service_conventions_association_idx" ON "service_conventions" USING btree ("association_id");--> statement-breakpoint
CREATE UNIQUE INDEX "service_partners_name_idx" ON "service_partners" USING btree ("name");--> statement-breakpoint
CREATE INDEX "service_partners_unit_idx" ON "service_partners" USING btree ("unit_id");--> statement-breakpoint
CREATE INDEX "service_records_unit_idx" ON "service_records" USING btree ("unit_id","occurred_on");--> statement-breakpoint
-- A published guide version never changes: a new version is a new row (the library keeps every old one).
CREATE TRIGGER guide_versions_append_only BEFORE UPDATE OR DELETE ON guide_versions
  FOR EACH ROW EXECUTE FUNCTION refuse_change();
