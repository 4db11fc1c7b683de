CREATE TYPE "public"."rights_appraisal_status" AS ENUM('requested', 'completed', 'withdrawn');--> statement-breakpoint
CREATE TYPE "public"."rights_appraisal_subject" AS ENUM('non_public', 'identity', 'loss', 'electronic_data');--> statement-breakpoint
CREATE TYPE "public"."rights_case_outcome" AS ENUM('penalised', 'no_penalty', 'transferred', 'revoked');--> statement-breakpoint
CREATE TYPE "public"."rights_case_step_kind" AS ENUM('verify', 'open', 'investigate', 'appraise', 'notify', 'hearing', 'decide', 'execute', 'close');--> statement-breakpoint
CREATE TYPE "public"."rights_partner_department" AS ENUM('police', 'procuratorate', 'court', 'ip_office', 'industry', 'other_bureau', 'other');--> statement-breakpoint
CREATE TYPE "public"."rights_supervision_status" AS ENUM('open', 'answered', 'closed');--> statement-breakpoint
CREATE TYPE "public"."rights_typical_case_status" AS ENUM('draft', 'pending', 'published', 'withdrawn');--> statement-breakpoint
CREATE TABLE "rights_appraisals" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"clue_id" uuid NOT NULL,
	"institution" text NOT NULL,
	"subject" "rights_appraisal_subject" NOT NULL,
	"matters" text NOT NULL,
	"requested_on" date NOT NULL,
	"cost" numeric(12, 2) NOT NULL,
	"status" "rights_appraisal_status" DEFAULT 'requested' NOT NULL,
	"result" text,
	"completed_on" date,
	"created_by_id" uuid NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "rights_appraisals_cost_check" CHECK ("rights_appraisals"."cost" >= 0)
);
--> statement-breakpoint
CREATE TABLE "rights_case_documents" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"clue_id" uuid NOT NULL,
	"step" "rights_case_step_kind" NOT NULL,
	"document_key" text NOT NULL,
	"sha256" text NOT NULL,
	"file_name" text NOT NULL,
	"recorded_by_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "rights_case_files" (
	"clue_id" uuid PRIMARY KEY NOT NULL,
	"guide_id" uuid NOT NULL,
	"extensions" integer DEFAULT 0 NOT NULL,
	"extension_requested_by_id" uuid,
	"extension_requested_at" timestamp with time zone,
	"extension_reason" text,
	"extension_approved_by_id" uuid,
	"extended_at" timestamp with time zone,
	"outcome" "rights_case_outcome",
	"closing_summary" text,
	"closed_on" date,
	"closed_by_id" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "rights_case_guides" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"code" text NOT NULL,
	"version" integer NOT NULL,
	"owner_jurisdiction_code" text NOT NULL,
	"title" text NOT NULL,
	"definition" jsonb NOT NULL,
	"created_by_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "rights_case_joint_bureaus" (
	"clue_id" uuid NOT NULL,
	"jurisdiction_code" text NOT NULL,
	"task" text NOT NULL,
	"added_by_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "rights_case_joint_bureaus_clue_id_jurisdiction_code_pk" PRIMARY KEY("clue_id","jurisdiction_code")
);
--> statement-breakpoint
CREATE TABLE "rights_case_steps" (
	"clue_id" uuid NOT NULL,
	"step" "rights_case_step_kind" NOT NULL,
	"completed_on" date NOT NULL,
	"note" text,
	"completed_by_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "rights_case_steps_clue_id_step_pk" PRIMARY KEY("clue_id","step")
);
--> statement-breakpoint
CREATE TABLE "rights_consultations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"clue_id" uuid NOT NULL,
	"held_on" date NOT NULL,
	"departments" jsonb NOT NULL,
	"participants" text NOT NULL,
	"topic" text NOT NULL,
	"conclusions" text NOT NULL,
	"recorded_by_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "rights_supervisions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"clue_id" uuid NOT NULL,
	"supervisor_jurisdiction_code" text NOT NULL,
	"instructions" text NOT NULL,
	"due_on" date NOT NULL,
	"status" "rights_supervision_status" DEFAULT 'open' NOT NULL,
	"report" text,
	"reported_on" date,
	"closed_on" date,
	"created_by_id" uuid NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "rights_typical_cases" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"clue_id" uuid NOT NULL,
	"jurisdiction_code" text NOT NULL,
	"title" text NOT NULL,
	"summary" text NOT NULL,
	"body" text NOT NULL,
	"significance" text,
	"secret_category" text,
	"industry" text,
	"status" "rights_typical_case_status" DEFAULT 'draft' NOT NULL,
	"author_id" uuid NOT NULL,
	"submitted_at" timestamp with time zone,
	"approved_by_id" uuid,
	"published_at" timestamp with time zone,
	"published_on" date,
	"return_reason" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "rights_typical_cases_two_officers" CHECK ("rights_typical_cases"."approved_by_id" is null or "rights_typical_cases"."approved_by_id" <> "rights_typical_cases"."author_id")
);
--> statement-breakpoint
ALTER TABLE "rights_appraisals" ADD CONSTRAINT "rights_appraisals_clue_id_rights_clues_id_fk" FOREIGN KEY ("clue_id") REFERENCES "public"."rights_clues"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rights_appraisals" ADD CONSTRAINT "rights_appraisals_created_by_id_users_id_fk" FOREIGN KEY ("created_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rights_case_documents" ADD CONSTRAINT "rights_case_documents_clue_id_rights_clues_id_fk" FOREIGN KEY ("clue_id") REFERENCES "public"."rights_clues"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rights_case_documents" ADD CONSTRAINT "rights_case_documents_recorded_by_id_users_id_fk" FOREIGN KEY ("recorded_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rights_case_files" ADD CONSTRAINT "rights_case_files_clue_id_rights_clues_id_fk" FOREIGN KEY ("clue_id") REFERENCES "public"."rights_clues"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rights_case_files" ADD CONSTRAINT "rights_case_files_guide_id_rights_case_guides_id_fk" FOREIGN KEY ("guide_id") REFERENCES "public"."rights_case_guides"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rights_case_files" ADD CONSTRAINT "rights_case_files_extension_requested_by_id_users_id_fk" FOREIGN KEY ("extension_requested_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rights_case_files" ADD CONSTRAINT "rights_case_files_extension_approved_by_id_users_id_fk" FOREIGN KEY ("extension_approved_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rights_case_files" ADD CONSTRAINT "rights_case_files_closed_by_id_users_id_fk" FOREIGN KEY ("closed_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rights_case_guides" ADD CONSTRAINT "rights_case_guides_owner_jurisdiction_code_jurisdictions_code_fk" FOREIGN KEY ("owner_jurisdiction_code") REFERENCES "public"."jurisdictions"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rights_case_guides" ADD CONSTRAINT "rights_case_guides_created_by_id_users_id_fk" FOREIGN KEY ("created_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rights_case_joint_bureaus" ADD CONSTRAINT "rights_case_joint_bureaus_clue_id_rights_clues_id_fk" FOREIGN KEY ("clue_id") REFERENCES "public"."rights_clues"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rights_case_joint_bureaus" ADD CONSTRAINT "rights_case_joint_bureaus_jurisdiction_code_jurisdictions_code_fk" FOREIGN KEY ("jurisdiction_code") REFERENCES "public"."jurisdictions"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rights_case_joint_bureaus" ADD CONSTRAINT "rights_case_joint_bureaus_added_by_id_users_id_fk" FOREIGN KEY ("added_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rights_case_steps" ADD CONSTRAINT "rights_case_steps_clue_id_rights_clues_id_fk" FOREIGN KEY ("clue_id") REFERENCES "public"."rights_clues"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rights_case_steps" ADD CONSTRAINT "rights_case_steps_completed_by_id_users_id_fk" FOREIGN KEY ("completed_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rights_consultations" ADD CONSTRAINT "rights_consultations_clue_id_rights_clues_id_fk" FOREIGN KEY ("clue_id") REFERENCES "public"."rights_clues"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rights_consultations" ADD CONSTRAINT "rights_consultations_recorded_by_id_users_id_fk" FOREIGN KEY ("recorded_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rights_supervisions" ADD CONSTRAINT "rights_supervisions_clue_id_rights_clues_id_fk" FOREIGN KEY ("clue_id") REFERENCES "public"."rights_clues"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rights_supervisions" ADD CONSTRAINT "rights_supervisions_supervisor_jurisdiction_code_jurisdictions_code_fk" FOREIGN KEY ("supervisor_jurisdiction_code") REFERENCES "public"."jurisdictions"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rights_supervisions" ADD CONSTRAINT "rights_supervisions_created_by_id_users_id_fk" FOREIGN KEY ("created_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rights_typical_cases" ADD CONSTRAINT "rights_typical_cases_clue_id_rights_clues_id_fk" FOREIGN KEY ("clue_id") REFERENCES "public"."rights_clues"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rights_typical_cases" ADD CONSTRAINT "rights_typical_cases_jurisdiction_code_jurisdictions_code_fk" FOREIGN KEY ("jurisdiction_code") REFERENCES "public"."jurisdictions"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rights_typical_cases" ADD CONSTRAINT "rights_typical_cases_author_id_users_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rights_typical_cases" ADD CONSTRAINT "rights_typical_cases_approved_by_id_users_id_fk" FOREIGN KEY ("approved_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "rights_appraisals_clue_idx" ON "rights_appraisals" USING btree ("clue_id");--> statement-breakpoint
CREATE INDEX "rights_case_documents_clue_idx" ON "rights_case_documents" USING btree ("clue_id");--> statement-breakpoint
CREATE UNIQUE INDEX "rights_case_guides_code_version_idx" ON "rights_case_guides" USING btree ("code","version");--> statement-breakpoint
CREATE INDEX "rights_case_guides_owner_idx" ON "rights_case_guides" USING btree ("owner_jurisdiction_code");--> statement-breakpoint
CREATE INDEX "rights_case_joint_bureaus_j_idx" ON "rights_case_joint_bureaus" USING btree ("jurisdiction_code");--> statement-breakpoint
CREATE INDEX "rights_consultations_clue_idx" ON "rights_consultations" USING btree ("clue_id");--> statement-breakpoint
CREATE INDEX "rights_supervisions_clue_idx" ON "rights_supervisions" USING btree ("clue_id");--> statement-breakpoint
CREATE INDEX "rights_typical_cases_status_idx" ON "rights_typical_cases" USING btree ("status","published_on");--> statement-breakpoint
CREATE INDEX "rights_typical_cases_clue_idx" ON "rights_typical_cases" USING btree ("clue_id");