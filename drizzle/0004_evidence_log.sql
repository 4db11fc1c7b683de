CREATE TABLE "evidence_checkpoints" (
	"tree_size" bigint PRIMARY KEY NOT NULL,
	"root_hash" "bytea" NOT NULL,
	"signed_note" text NOT NULL,
	"timestamp_token" "bytea" NOT NULL,
	"timestamp_time" timestamp with time zone NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "evidence_hashes" (
	"stored_index" bigint PRIMARY KEY NOT NULL,
	"hash" "bytea" NOT NULL
);
--> statement-breakpoint
CREATE TABLE "evidence_leaves" (
	"leaf_index" bigint PRIMARY KEY NOT NULL,
	"submission_id" uuid NOT NULL,
	"leaf_hash" "bytea" NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "evidence_queue" (
	"submission_id" uuid PRIMARY KEY NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "evidence_submissions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"unit_id" uuid NOT NULL,
	"algorithm" text NOT NULL,
	"digest" text NOT NULL,
	"label" text NOT NULL,
	"salt" "bytea" NOT NULL,
	"metadata" jsonb NOT NULL,
	"entry" "bytea" NOT NULL,
	"submitted_by_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "evidence_leaves" ADD CONSTRAINT "evidence_leaves_submission_id_evidence_submissions_id_fk" FOREIGN KEY ("submission_id") REFERENCES "public"."evidence_submissions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evidence_queue" ADD CONSTRAINT "evidence_queue_submission_id_evidence_submissions_id_fk" FOREIGN KEY ("submission_id") REFERENCES "public"."evidence_submissions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evidence_submissions" ADD CONSTRAINT "evidence_submissions_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evidence_submissions" ADD CONSTRAINT "evidence_submissions_submitted_by_id_users_id_fk" FOREIGN KEY ("submitted_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "evidence_leaves_submission_idx" ON "evidence_leaves" USING btree ("submission_id");--> statement-breakpoint
CREATE UNIQUE INDEX "evidence_submissions_unit_digest_idx" ON "evidence_submissions" USING btree ("unit_id","algorithm","digest");--> statement-breakpoint
CREATE INDEX "evidence_submissions_created_idx" ON "evidence_submissions" USING btree ("created_at");