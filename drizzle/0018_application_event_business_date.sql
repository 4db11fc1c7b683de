ALTER TABLE "application_events" ADD COLUMN "business_date" date;
