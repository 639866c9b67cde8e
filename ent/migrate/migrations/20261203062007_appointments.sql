-- Create "appointment_availabilities" table
CREATE TABLE "appointment_availabilities" ("id" character varying NOT NULL, "periods" jsonb NULL, "closures" jsonb NULL, "slot_minutes" bigint NOT NULL DEFAULT 60, "updated_at" timestamptz NOT NULL, "service_id" character varying NOT NULL, PRIMARY KEY ("id"), CONSTRAINT "appointment_availabilities_services_service" FOREIGN KEY ("service_id") REFERENCES "services" ("id") ON DELETE NO ACTION);
-- Create index "appointmentavailability_service_id" to table: "appointment_availabilities"
CREATE UNIQUE INDEX "appointmentavailability_service_id" ON "appointment_availabilities" ("service_id");
-- Create "appointments" table
CREATE TABLE "appointments" ("id" character varying NOT NULL, "starts_at" timestamptz NOT NULL, "ends_at" timestamptz NOT NULL, "status" character varying NOT NULL DEFAULT 'REQUESTED', "active" boolean NOT NULL DEFAULT true, "sequence" bigint NOT NULL DEFAULT 0, "note" character varying NULL, "created_at" timestamptz NOT NULL, "updated_at" timestamptz NOT NULL, "service_id" character varying NOT NULL, "case_id" character varying NOT NULL, PRIMARY KEY ("id"), CONSTRAINT "appointments_services_service" FOREIGN KEY ("service_id") REFERENCES "services" ("id") ON DELETE NO ACTION, CONSTRAINT "appointments_case_files_appointments" FOREIGN KEY ("case_id") REFERENCES "case_files" ("id") ON DELETE NO ACTION);
-- Create index "appointments_active_slot" to table: "appointments"
CREATE UNIQUE INDEX "appointments_active_slot" ON "appointments" ("service_id", "starts_at") WHERE active;
-- Create index "appointment_case_id_starts_at" to table: "appointments"
CREATE INDEX "appointment_case_id_starts_at" ON "appointments" ("case_id", "starts_at");
