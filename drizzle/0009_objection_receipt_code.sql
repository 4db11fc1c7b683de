ALTER TABLE "objections" ADD COLUMN "receipt_code" text;--> statement-breakpoint
CREATE UNIQUE INDEX "objections_receipt_code_idx" ON "objections" USING btree ("receipt_code");