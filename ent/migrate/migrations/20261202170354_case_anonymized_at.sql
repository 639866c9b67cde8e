-- Modify "case_files" table
ALTER TABLE "case_files" ADD COLUMN "anonymized_at" timestamptz NULL;
