-- Modify "case_files" table
ALTER TABLE "case_files" ADD COLUMN "phone_lookup" character varying NULL;
-- Create index "casefile_phone_lookup" to table: "case_files"
CREATE INDEX "casefile_phone_lookup" ON "case_files" ("phone_lookup");
