-- Modify "locations" table
ALTER TABLE "locations" ADD COLUMN "hsds_id" character varying NULL;
-- Create index "locations_hsds_id_key" to table: "locations"
CREATE UNIQUE INDEX "locations_hsds_id_key" ON "locations" ("hsds_id");
-- Modify "organizations" table
ALTER TABLE "organizations" ADD COLUMN "hsds_id" character varying NULL;
-- Create index "organizations_hsds_id_key" to table: "organizations"
CREATE UNIQUE INDEX "organizations_hsds_id_key" ON "organizations" ("hsds_id");
-- Modify "services" table
ALTER TABLE "services" ADD COLUMN "hsds_id" character varying NULL;
-- Create index "services_hsds_id_key" to table: "services"
CREATE UNIQUE INDEX "services_hsds_id_key" ON "services" ("hsds_id");
