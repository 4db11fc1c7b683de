CREATE TYPE "public"."rights_civil_guidance" AS ENUM('court', 'mediation');--> statement-breakpoint
CREATE TYPE "public"."rights_duplicate_match" AS ENUM('infringer_credit_code', 'infringer_name', 'holder_credit_code', 'holder_name');--> statement-breakpoint
CREATE TYPE "public"."rights_duplicate_status" AS ENUM('open', 'linked', 'merged', 'dismissed');--> statement-breakpoint
CREATE TYPE "public"."rights_message_author" AS ENUM('reporter', 'handler');--> statement-breakpoint
CREATE TYPE "public"."rights_party_kind" AS ENUM('person', 'unit');--> statement-breakpoint
CREATE TYPE "public"."rights_police_decision" AS ENUM('filed', 'not_filed', 'returned');--> statement-breakpoint
CREATE TYPE "public"."rights_referral_origin" AS ENUM('police', 'procuratorate', 'court', 'ip_office', 'bureau');--> statement-breakpoint
CREATE TYPE "public"."rights_requested_route" AS ENUM('administrative', 'criminal', 'civil', 'undecided');--> statement-breakpoint
CREATE TYPE "public"."rights_route" AS ENUM('administrative', 'criminal', 'civil');--> statement-breakpoint
CREATE TYPE "public"."rights_source" AS ENUM('unit', 'public', 'inspection', 'referral');--> statement-breakpoint
CREATE TYPE "public"."rights_status" AS ENUM('received', 'accepted', 'transferred_police', 'civil_guided', 'not_accepted', 'transferred_bureau', 'closed', 'merged');--> statement-breakpoint
CREATE TYPE "public"."rights_urgency" AS ENUM('normal', 'urgent', 'critical');--> statement-breakpoint
CREATE TABLE "rights_centres" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"jurisdiction_code" text NOT NULL,
	"name" text NOT NULL,
	"routes_to_code" text NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"designated_by_id" uuid,
	"designated_on" date NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "rights_clue_events" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "rights_clue_events_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"clue_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"from_status" "rights_status",
	"to_status" "rights_status",
	"actor_id" uuid,
	"actor_name" text,
	"comment" text,
	"data" jsonb,
	"reporter_visible" boolean DEFAULT false NOT NULL,
	"business_date" date NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "rights_clue_evidence" (
	"clue_id" uuid NOT NULL,
	"submission_id" uuid NOT NULL,
	"verification" jsonb NOT NULL,
	"verified_at" timestamp with time zone DEFAULT now() NOT NULL,
	"linked_by_id" uuid,
	CONSTRAINT "rights_clue_evidence_clue_id_submission_id_pk" PRIMARY KEY("clue_id","submission_id")
);
--> statement-breakpoint
CREATE TABLE "rights_clue_handlers" (
	"clue_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"assigned_by_id" uuid,
	"assigned_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "rights_clue_handlers_clue_id_user_id_pk" PRIMARY KEY("clue_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "rights_clue_messages" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "rights_clue_messages_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"clue_id" uuid NOT NULL,
	"author" "rights_message_author" NOT NULL,
	"author_id" uuid,
	"author_name" text NOT NULL,
	"body" text NOT NULL,
	"attachments" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "rights_clue_notes" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "rights_clue_notes_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"clue_id" uuid NOT NULL,
	"author_id" uuid NOT NULL,
	"author_name" text NOT NULL,
	"body" text NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "rights_clue_parties" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"clue_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"kind" "rights_party_kind" NOT NULL,
	"name" text NOT NULL,
	"credit_code" text,
	"name_key" text NOT NULL,
	"relation" text
);
--> statement-breakpoint
CREATE TABLE "rights_clues" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"clue_no" text NOT NULL,
	"jurisdiction_code" text NOT NULL,
	"jurisdiction_path" text NOT NULL,
	"centre_id" uuid,
	"source" "rights_source" NOT NULL,
	"referral_origin" "rights_referral_origin",
	"referral_organ" text,
	"referral_document" text,
	"reporter_unit_id" uuid,
	"recorded_by_id" uuid,
	"receipt_code" text,
	"secret_hash" text,
	"reporter_contact" text,
	"holder_unit_id" uuid,
	"holder_name" text NOT NULL,
	"holder_credit_code" text,
	"holder_name_key" text NOT NULL,
	"industry_code" text,
	"secret_kinds" jsonb NOT NULL,
	"secret_description" text NOT NULL,
	"leak_channels" jsonb NOT NULL,
	"leak_description" text,
	"protection_measures" jsonb NOT NULL,
	"protection_description" text,
	"facts" text NOT NULL,
	"estimated_loss_yuan" bigint,
	"illicit_gain_yuan" bigint,
	"urgency" "rights_urgency" DEFAULT 'normal' NOT NULL,
	"requested_route" "rights_requested_route" DEFAULT 'undecided' NOT NULL,
	"attachments" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"status" "rights_status" DEFAULT 'received' NOT NULL,
	"route" "rights_route",
	"decision_reason" text,
	"civil_guidance" "rights_civil_guidance",
	"transferred_from_code" text,
	"designation_document" text,
	"transfer_reported_at" timestamp with time zone,
	"transfer_approved_at" timestamp with time zone,
	"transfer_approved_by_id" uuid,
	"transfer_sent_at" timestamp with time zone,
	"police_agency" text,
	"police_received_on" date,
	"police_decision" "rights_police_decision",
	"police_decision_on" date,
	"police_decision_note" text,
	"received_on" date NOT NULL,
	"decision_deadline" date NOT NULL,
	"extension_requested_at" timestamp with time zone,
	"extension_reason" text,
	"extension_approved_by_id" uuid,
	"extension_days" integer DEFAULT 0 NOT NULL,
	"decided_on" date,
	"decided_by_id" uuid,
	"opened_on" date,
	"case_deadline" date,
	"closed_on" date,
	"merged_into_id" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "rights_clues_public_secret" CHECK ("rights_clues"."source" <> 'public' OR ("rights_clues"."receipt_code" IS NOT NULL AND "rights_clues"."secret_hash" IS NOT NULL)),
	CONSTRAINT "rights_clues_amounts" CHECK (coalesce("rights_clues"."estimated_loss_yuan", 0) >= 0 AND coalesce("rights_clues"."illicit_gain_yuan", 0) >= 0)
);
--> statement-breakpoint
CREATE TABLE "rights_duplicates" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"clue_id" uuid NOT NULL,
	"other_clue_id" uuid NOT NULL,
	"match" "rights_duplicate_match" NOT NULL,
	"match_value" text NOT NULL,
	"status" "rights_duplicate_status" DEFAULT 'open' NOT NULL,
	"decided_by_id" uuid,
	"decided_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "rights_overdue_notices" (
	"clue_id" uuid NOT NULL,
	"clock" text NOT NULL,
	"deadline" text NOT NULL,
	"notified_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "rights_overdue_notices_clue_id_clock_deadline_pk" PRIMARY KEY("clue_id","clock","deadline")
);
--> statement-breakpoint
CREATE TABLE "rights_rules" (
	"code" text PRIMARY KEY NOT NULL,
	"value" jsonb NOT NULL,
	"updated_by_id" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "rights_centres" ADD CONSTRAINT "rights_centres_jurisdiction_code_jurisdictions_code_fk" FOREIGN KEY ("jurisdiction_code") REFERENCES "public"."jurisdictions"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rights_centres" ADD CONSTRAINT "rights_centres_routes_to_code_jurisdictions_code_fk" FOREIGN KEY ("routes_to_code") REFERENCES "public"."jurisdictions"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rights_centres" ADD CONSTRAINT "rights_centres_designated_by_id_users_id_fk" FOREIGN KEY ("designated_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rights_clue_events" ADD CONSTRAINT "rights_clue_events_clue_id_rights_clues_id_fk" FOREIGN KEY ("clue_id") REFERENCES "public"."rights_clues"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rights_clue_events" ADD CONSTRAINT "rights_clue_events_actor_id_users_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rights_clue_evidence" ADD CONSTRAINT "rights_clue_evidence_clue_id_rights_clues_id_fk" FOREIGN KEY ("clue_id") REFERENCES "public"."rights_clues"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rights_clue_evidence" ADD CONSTRAINT "rights_clue_evidence_submission_id_evidence_submissions_id_fk" FOREIGN KEY ("submission_id") REFERENCES "public"."evidence_submissions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rights_clue_evidence" ADD CONSTRAINT "rights_clue_evidence_linked_by_id_users_id_fk" FOREIGN KEY ("linked_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rights_clue_handlers" ADD CONSTRAINT "rights_clue_handlers_clue_id_rights_clues_id_fk" FOREIGN KEY ("clue_id") REFERENCES "public"."rights_clues"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rights_clue_handlers" ADD CONSTRAINT "rights_clue_handlers_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rights_clue_handlers" ADD CONSTRAINT "rights_clue_handlers_assigned_by_id_users_id_fk" FOREIGN KEY ("assigned_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rights_clue_messages" ADD CONSTRAINT "rights_clue_messages_clue_id_rights_clues_id_fk" FOREIGN KEY ("clue_id") REFERENCES "public"."rights_clues"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rights_clue_messages" ADD CONSTRAINT "rights_clue_messages_author_id_users_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rights_clue_notes" ADD CONSTRAINT "rights_clue_notes_clue_id_rights_clues_id_fk" FOREIGN KEY ("clue_id") REFERENCES "public"."rights_clues"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rights_clue_notes" ADD CONSTRAINT "rights_clue_notes_author_id_users_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rights_clue_parties" ADD CONSTRAINT "rights_clue_parties_clue_id_rights_clues_id_fk" FOREIGN KEY ("clue_id") REFERENCES "public"."rights_clues"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rights_clues" ADD CONSTRAINT "rights_clues_jurisdiction_code_jurisdictions_code_fk" FOREIGN KEY ("jurisdiction_code") REFERENCES "public"."jurisdictions"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rights_clues" ADD CONSTRAINT "rights_clues_centre_id_rights_centres_id_fk" FOREIGN KEY ("centre_id") REFERENCES "public"."rights_centres"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rights_clues" ADD CONSTRAINT "rights_clues_reporter_unit_id_units_id_fk" FOREIGN KEY ("reporter_unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rights_clues" ADD CONSTRAINT "rights_clues_recorded_by_id_users_id_fk" FOREIGN KEY ("recorded_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rights_clues" ADD CONSTRAINT "rights_clues_holder_unit_id_units_id_fk" FOREIGN KEY ("holder_unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rights_clues" ADD CONSTRAINT "rights_clues_transferred_from_code_jurisdictions_code_fk" FOREIGN KEY ("transferred_from_code") REFERENCES "public"."jurisdictions"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rights_clues" ADD CONSTRAINT "rights_clues_transfer_approved_by_id_users_id_fk" FOREIGN KEY ("transfer_approved_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rights_clues" ADD CONSTRAINT "rights_clues_extension_approved_by_id_users_id_fk" FOREIGN KEY ("extension_approved_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rights_clues" ADD CONSTRAINT "rights_clues_decided_by_id_users_id_fk" FOREIGN KEY ("decided_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rights_duplicates" ADD CONSTRAINT "rights_duplicates_clue_id_rights_clues_id_fk" FOREIGN KEY ("clue_id") REFERENCES "public"."rights_clues"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rights_duplicates" ADD CONSTRAINT "rights_duplicates_other_clue_id_rights_clues_id_fk" FOREIGN KEY ("other_clue_id") REFERENCES "public"."rights_clues"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rights_duplicates" ADD CONSTRAINT "rights_duplicates_decided_by_id_users_id_fk" FOREIGN KEY ("decided_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rights_overdue_notices" ADD CONSTRAINT "rights_overdue_notices_clue_id_rights_clues_id_fk" FOREIGN KEY ("clue_id") REFERENCES "public"."rights_clues"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rights_rules" ADD CONSTRAINT "rights_rules_updated_by_id_users_id_fk" FOREIGN KEY ("updated_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "rights_centres_jurisdiction_idx" ON "rights_centres" USING btree ("jurisdiction_code");--> statement-breakpoint
CREATE INDEX "rights_clue_events_clue_idx" ON "rights_clue_events" USING btree ("clue_id","id");--> statement-breakpoint
CREATE INDEX "rights_clue_handlers_user_idx" ON "rights_clue_handlers" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "rights_clue_messages_clue_idx" ON "rights_clue_messages" USING btree ("clue_id","id");--> statement-breakpoint
CREATE INDEX "rights_clue_notes_clue_idx" ON "rights_clue_notes" USING btree ("clue_id","id");--> statement-breakpoint
CREATE UNIQUE INDEX "rights_clue_parties_position_idx" ON "rights_clue_parties" USING btree ("clue_id","position");--> statement-breakpoint
CREATE INDEX "rights_clue_parties_code_idx" ON "rights_clue_parties" USING btree ("credit_code");--> statement-breakpoint
CREATE INDEX "rights_clue_parties_key_idx" ON "rights_clue_parties" USING btree ("name_key");--> statement-breakpoint
CREATE UNIQUE INDEX "rights_clues_no_idx" ON "rights_clues" USING btree ("clue_no");--> statement-breakpoint
CREATE UNIQUE INDEX "rights_clues_receipt_idx" ON "rights_clues" USING btree ("receipt_code");--> statement-breakpoint
CREATE INDEX "rights_clues_path_idx" ON "rights_clues" USING btree ("jurisdiction_path","status");--> statement-breakpoint
CREATE INDEX "rights_clues_reporter_unit_idx" ON "rights_clues" USING btree ("reporter_unit_id");--> statement-breakpoint
CREATE INDEX "rights_clues_holder_code_idx" ON "rights_clues" USING btree ("holder_credit_code");--> statement-breakpoint
CREATE INDEX "rights_clues_holder_key_idx" ON "rights_clues" USING btree ("holder_name_key");--> statement-breakpoint
CREATE UNIQUE INDEX "rights_duplicates_pair_idx" ON "rights_duplicates" USING btree ("clue_id","other_clue_id","match");--> statement-breakpoint
CREATE INDEX "rights_duplicates_other_idx" ON "rights_duplicates" USING btree ("other_clue_id");--> statement-breakpoint
-- A clue's history, its messages, its internal notes and its verified evidence links are never rewritten.
CREATE TRIGGER rights_clue_events_append_only BEFORE UPDATE OR DELETE ON rights_clue_events
  FOR EACH ROW EXECUTE FUNCTION refuse_change();
--> statement-breakpoint
CREATE TRIGGER rights_clue_messages_append_only BEFORE UPDATE OR DELETE ON rights_clue_messages
  FOR EACH ROW EXECUTE FUNCTION refuse_change();
--> statement-breakpoint
CREATE TRIGGER rights_clue_notes_append_only BEFORE UPDATE OR DELETE ON rights_clue_notes
  FOR EACH ROW EXECUTE FUNCTION refuse_change();
--> statement-breakpoint
CREATE TRIGGER rights_clue_evidence_append_only BEFORE UPDATE OR DELETE ON rights_clue_evidence
  FOR EACH ROW EXECUTE FUNCTION refuse_change();
