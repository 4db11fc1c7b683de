CREATE TABLE "attachment_holders" (
	"sha256" text NOT NULL,
	"holder" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "attachment_holders_sha256_holder_pk" PRIMARY KEY("sha256","holder")
);
--> statement-breakpoint
ALTER TABLE "attachment_holders" ADD CONSTRAINT "attachment_holders_sha256_attachments_sha256_fk" FOREIGN KEY ("sha256") REFERENCES "public"."attachments"("sha256") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
-- Uploads made before this table existed: their uploader is in the audit trail (the first upload of each content).
INSERT INTO "attachment_holders" ("sha256", "holder", "created_at")
SELECT a."entity_id",
       CASE
         WHEN a."after" ->> 'noticeId' IS NOT NULL THEN 'notice:' || (a."after" ->> 'noticeId')
         WHEN a."unit_id" IS NOT NULL THEN 'unit:' || a."unit_id"
         ELSE 'user:' || a."actor_id"
       END,
       a."at"
FROM "audit_log" a
JOIN "attachments" f ON f."sha256" = a."entity_id"
WHERE a."action" = 'attachment.upload' AND (a."actor_id" IS NOT NULL OR a."unit_id" IS NOT NULL OR a."after" ? 'noticeId')
ON CONFLICT DO NOTHING;
