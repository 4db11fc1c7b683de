CREATE TABLE "base_incentives" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"base_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"measure" text NOT NULL,
	"amount_yuan" numeric(14, 2),
	"granted_on" date NOT NULL,
	"document" text,
	"note" text,
	"recorded_by_id" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "annual_reviews" ADD COLUMN "outcome" text;--> statement-breakpoint
-- A review recorded before outcomes existed: passed, or found wanting (a rectification without a set deadline).
UPDATE "annual_reviews" SET "outcome" = CASE WHEN "passed" THEN 'pass' ELSE 'rectify' END;--> statement-breakpoint
ALTER TABLE "annual_reviews" ALTER COLUMN "outcome" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "annual_reviews" ADD COLUMN "conditions" jsonb DEFAULT '[]'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "annual_reviews" ADD COLUMN "reviewed_on" date;--> statement-breakpoint
UPDATE "annual_reviews" SET "reviewed_on" = ("created_at" AT TIME ZONE 'Asia/Shanghai')::date;--> statement-breakpoint
ALTER TABLE "annual_reviews" ALTER COLUMN "reviewed_on" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "annual_reviews" ADD COLUMN "rectify_by" date;--> statement-breakpoint
ALTER TABLE "annual_reviews" ADD COLUMN "rectification_outcome" text;--> statement-breakpoint
ALTER TABLE "annual_reviews" ADD COLUMN "rectification_findings" text;--> statement-breakpoint
ALTER TABLE "annual_reviews" ADD COLUMN "rectified_on" date;--> statement-breakpoint
ALTER TABLE "annual_reviews" ADD COLUMN "version" integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE "base_incentives" ADD CONSTRAINT "base_incentives_base_id_bases_id_fk" FOREIGN KEY ("base_id") REFERENCES "public"."bases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "base_incentives" ADD CONSTRAINT "base_incentives_recorded_by_id_users_id_fk" FOREIGN KEY ("recorded_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "base_incentives_base_idx" ON "base_incentives" USING btree ("base_id");--> statement-breakpoint
CREATE INDEX "base_incentives_granted_idx" ON "base_incentives" USING btree ("granted_on");--> statement-breakpoint
ALTER TABLE "annual_reviews" DROP COLUMN "passed";
