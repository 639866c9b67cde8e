-- Modify "location_translations" table
ALTER TABLE "location_translations" ADD COLUMN "review_status" character varying NOT NULL DEFAULT 'MACHINE', ADD COLUMN "reviewed_by" character varying NULL, ADD COLUMN "reviewed_at" timestamptz NULL;
-- Modify "organization_translations" table
ALTER TABLE "organization_translations" ADD COLUMN "review_status" character varying NOT NULL DEFAULT 'MACHINE', ADD COLUMN "reviewed_by" character varying NULL, ADD COLUMN "reviewed_at" timestamptz NULL;
-- Modify "resource_translations" table
ALTER TABLE "resource_translations" ADD COLUMN "review_status" character varying NOT NULL DEFAULT 'MACHINE', ADD COLUMN "reviewed_by" character varying NULL, ADD COLUMN "reviewed_at" timestamptz NULL;
-- Modify "service_translations" table
ALTER TABLE "service_translations" ADD COLUMN "review_status" character varying NOT NULL DEFAULT 'MACHINE', ADD COLUMN "reviewed_by" character varying NULL, ADD COLUMN "reviewed_at" timestamptz NULL;
-- Convert the machine_translated flag (written by hand; see the README's
-- "Translations: review status and the translator exchange"): a machine's
-- text stays MACHINE; text nobody marked as a machine's (the unit's English
-- source, an editor's own words) was written by a person, so REVIEWED, with
-- no name or date, which were never recorded. Then the flag goes: the API's
-- machineTranslated is review_status = MACHINE.
UPDATE "location_translations" SET "review_status" = CASE WHEN "machine_translated" THEN 'MACHINE' ELSE 'REVIEWED' END;
ALTER TABLE "location_translations" DROP COLUMN "machine_translated";
UPDATE "organization_translations" SET "review_status" = CASE WHEN "machine_translated" THEN 'MACHINE' ELSE 'REVIEWED' END;
ALTER TABLE "organization_translations" DROP COLUMN "machine_translated";
UPDATE "resource_translations" SET "review_status" = CASE WHEN "machine_translated" THEN 'MACHINE' ELSE 'REVIEWED' END;
ALTER TABLE "resource_translations" DROP COLUMN "machine_translated";
UPDATE "service_translations" SET "review_status" = CASE WHEN "machine_translated" THEN 'MACHINE' ELSE 'REVIEWED' END;
ALTER TABLE "service_translations" DROP COLUMN "machine_translated";
