ALTER TABLE "contact_logs" ADD COLUMN "shared_with_firm" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "person_records" ADD COLUMN "rights_clue_id" uuid;--> statement-breakpoint
ALTER TABLE "service_records" ADD COLUMN "voided_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "service_records" ADD COLUMN "voided_by_id" uuid;--> statement-breakpoint
ALTER TABLE "service_records" ADD COLUMN "void_reason" text;--> statement-breakpoint
ALTER TABLE "service_records" ADD COLUMN "version" integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE "person_records" ADD CONSTRAINT "person_records_rights_clue_id_rights_clues_id_fk" FOREIGN KEY ("rights_clue_id") REFERENCES "public"."rights_clues"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service_records" ADD CONSTRAINT "service_records_voided_by_id_users_id_fk" FOREIGN KEY ("voided_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;