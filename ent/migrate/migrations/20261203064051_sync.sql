-- Modify "locations" table
ALTER TABLE "locations" ADD COLUMN "updated_at" timestamptz NOT NULL DEFAULT CURRENT_TIMESTAMP;
-- Create index "location_updated_at" to table: "locations"
CREATE INDEX "location_updated_at" ON "locations" ("updated_at");
-- Modify "organizations" table
ALTER TABLE "organizations" ADD COLUMN "updated_at" timestamptz NOT NULL DEFAULT CURRENT_TIMESTAMP;
-- Create index "organization_updated_at" to table: "organizations"
CREATE INDEX "organization_updated_at" ON "organizations" ("updated_at");
-- Modify "resources" table
ALTER TABLE "resources" ADD COLUMN "updated_at" timestamptz NOT NULL DEFAULT CURRENT_TIMESTAMP;
-- Create index "resource_updated_at" to table: "resources"
CREATE INDEX "resource_updated_at" ON "resources" ("updated_at");
-- Modify "services" table
ALTER TABLE "services" ADD COLUMN "updated_at" timestamptz NOT NULL DEFAULT CURRENT_TIMESTAMP;
-- Create index "service_updated_at" to table: "services"
CREATE INDEX "service_updated_at" ON "services" ("updated_at");
-- Create "tombstones" table
CREATE TABLE "tombstones" ("id" character varying NOT NULL, "item_id" character varying NOT NULL, "kind" character varying NOT NULL, "removed_at" timestamptz NOT NULL, PRIMARY KEY ("id"));
-- Create index "tombstone_removed_at" to table: "tombstones"
CREATE INDEX "tombstone_removed_at" ON "tombstones" ("removed_at");
