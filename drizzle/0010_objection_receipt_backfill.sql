-- Objections filed before receipt codes existed get one (same alphabet as core/applications/receipt-code.ts:
-- no 0/O, 1/I/L). The correlated reference makes the subquery run once per row, so each row gets its own code.
UPDATE "objections" SET "receipt_code" = (
  SELECT string_agg(substr('23456789ABCDEFGHJKMNPQRSTUVWXYZ', (floor(random() * 31) + 1)::int, 1), '')
  FROM generate_series(1, 10)
  WHERE "objections"."id" IS NOT NULL
) WHERE "receipt_code" IS NULL;
