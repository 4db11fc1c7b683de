ALTER TABLE "rights_clues" ADD COLUMN "transfer_approved_on" date;--> statement-breakpoint
-- Approvals recorded before this column: their date in China (UTC+8) is the best record of the business date.
UPDATE "rights_clues" SET "transfer_approved_on" = ("transfer_approved_at" AT TIME ZONE 'Asia/Shanghai')::date WHERE "transfer_approved_at" IS NOT NULL;
