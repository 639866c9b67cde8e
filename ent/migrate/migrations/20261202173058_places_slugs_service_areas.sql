-- Create index "location_latitude_longitude" to table: "locations"
CREATE INDEX "location_latitude_longitude" ON "locations" ("latitude", "longitude");
-- Modify "organizations" table
ALTER TABLE "organizations" ADD COLUMN "slug" character varying NULL;
-- Create index "organizations_slug_key" to table: "organizations"
CREATE UNIQUE INDEX "organizations_slug_key" ON "organizations" ("slug");
-- Modify "services" table
ALTER TABLE "services" ADD COLUMN "slug" character varying NULL, ADD COLUMN "service_area" jsonb NULL;
-- Create index "services_slug_key" to table: "services"
CREATE UNIQUE INDEX "services_slug_key" ON "services" ("slug");
