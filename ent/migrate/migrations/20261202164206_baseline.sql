-- Create "notifications" table
CREATE TABLE "notifications" ("id" character varying NOT NULL, "case_id" character varying NULL, "audience" character varying NOT NULL, "staff_id" character varying NULL DEFAULT '', "topic" character varying NOT NULL, "channel" character varying NOT NULL, "status" character varying NOT NULL DEFAULT 'PENDING', "dedupe_key" character varying NULL, "created_at" timestamptz NOT NULL, "not_before" timestamptz NOT NULL, "sent_at" timestamptz NULL, "attempts" bigint NOT NULL DEFAULT 0, "last_error" character varying NULL DEFAULT '', "transport" character varying NULL DEFAULT '', "provider_id" character varying NULL DEFAULT '', "ref_id" character varying NULL DEFAULT '', "folded_into" character varying NULL DEFAULT '', "neutral" boolean NOT NULL DEFAULT false, "locale" character varying NULL DEFAULT '', "subject" character varying NULL DEFAULT '', "body" text NULL DEFAULT '', PRIMARY KEY ("id"));
-- Create index "notifications_dedupe_key_key" to table: "notifications"
CREATE UNIQUE INDEX "notifications_dedupe_key_key" ON "notifications" ("dedupe_key");
-- Create index "notification_case_id_status" to table: "notifications"
CREATE INDEX "notification_case_id_status" ON "notifications" ("case_id", "status");
-- Create index "notification_case_id_sent_at" to table: "notifications"
CREATE INDEX "notification_case_id_sent_at" ON "notifications" ("case_id", "sent_at");
-- Create index "notification_status_not_before" to table: "notifications"
CREATE INDEX "notification_status_not_before" ON "notifications" ("status", "not_before");
-- Create index "notification_provider_id" to table: "notifications"
CREATE INDEX "notification_provider_id" ON "notifications" ("provider_id");
-- Create index "notification_created_at" to table: "notifications"
CREATE INDEX "notification_created_at" ON "notifications" ("created_at");
-- Create "audit_records" table
CREATE TABLE "audit_records" ("id" character varying NOT NULL, "actor_kind" character varying NOT NULL, "actor_id" character varying NULL, "action" character varying NOT NULL, "case_id" character varying NULL, "subject_id" character varying NULL, "request_id" character varying NULL, "at" timestamptz NOT NULL, PRIMARY KEY ("id"));
-- Create index "auditrecord_case_id_at" to table: "audit_records"
CREATE INDEX "auditrecord_case_id_at" ON "audit_records" ("case_id", "at");
-- Create index "auditrecord_actor_id_at" to table: "audit_records"
CREATE INDEX "auditrecord_actor_id_at" ON "audit_records" ("actor_id", "at");
-- Create "staffs" table
CREATE TABLE "staffs" ("id" character varying NOT NULL, "name" character varying NOT NULL, "role" character varying NOT NULL, "phone" character varying NULL, "email" character varying NULL, "external_id" character varying NULL, "token_version" bigint NOT NULL DEFAULT 0, "tokens_revoked_at" timestamptz NULL, "disabled_at" timestamptz NULL, "created_at" timestamptz NOT NULL, PRIMARY KEY ("id"));
-- Create index "staffs_name_key" to table: "staffs"
CREATE UNIQUE INDEX "staffs_name_key" ON "staffs" ("name");
-- Create index "staffs_external_id_key" to table: "staffs"
CREATE UNIQUE INDEX "staffs_external_id_key" ON "staffs" ("external_id");
-- Create "rate_events" table
CREATE TABLE "rate_events" ("id" character varying NOT NULL, "bucket" character varying NOT NULL, "key" character varying NOT NULL, "at" timestamptz NOT NULL, PRIMARY KEY ("id"));
-- Create index "rateevent_bucket_key_at" to table: "rate_events"
CREATE INDEX "rateevent_bucket_key_at" ON "rate_events" ("bucket", "key", "at");
-- Create "case_files" table
CREATE TABLE "case_files" ("id" character varying NOT NULL, "case_number" character varying NOT NULL, "status" character varying NOT NULL DEFAULT 'RECEIVED', "preferred_locale" character varying NOT NULL DEFAULT 'en', "contact_method" character varying NOT NULL, "phone" character varying NULL, "email" character varying NULL, "safe_to_leave_message" boolean NOT NULL DEFAULT false, "safe_contact_times" character varying NULL, "needs" jsonb NULL, "description" character varying NULL, "urgent" boolean NOT NULL DEFAULT false, "access_code_hash" character varying NOT NULL, "opened_at" timestamptz NOT NULL, "first_contact_at" timestamptz NULL, "closed_at" timestamptz NULL, "outcome" character varying NULL, "claim_status" character varying NOT NULL DEFAULT 'NOT_FILED', "claim_updated_at" timestamptz NULL, "demo" boolean NOT NULL DEFAULT false, "version" bigint NOT NULL DEFAULT 1, "notify_channel" character varying NOT NULL DEFAULT 'IN_APP', "contact_windows" jsonb NULL, "time_zone" character varying NULL, "outreach_stopped_at" timestamptz NULL, "outreach_stopped_by" character varying NULL, "advocate_id" character varying NULL, PRIMARY KEY ("id"), CONSTRAINT "case_files_staffs_cases" FOREIGN KEY ("advocate_id") REFERENCES "staffs" ("id") ON DELETE SET NULL);
-- Create index "case_files_case_number_key" to table: "case_files"
CREATE UNIQUE INDEX "case_files_case_number_key" ON "case_files" ("case_number");
-- Create index "casefile_advocate_id_status" to table: "case_files"
CREATE INDEX "casefile_advocate_id_status" ON "case_files" ("advocate_id", "status");
-- Create index "casefile_advocate_id_urgent_opened_at" to table: "case_files"
CREATE INDEX "casefile_advocate_id_urgent_opened_at" ON "case_files" ("advocate_id", "urgent", "opened_at");
-- Create index "casefile_urgent_opened_at" to table: "case_files"
CREATE INDEX "casefile_urgent_opened_at" ON "case_files" ("urgent", "opened_at");
-- Create index "casefile_opened_at" to table: "case_files"
CREATE INDEX "casefile_opened_at" ON "case_files" ("opened_at");
-- Create index "casefile_closed_at" to table: "case_files"
CREATE INDEX "casefile_closed_at" ON "case_files" ("closed_at");
-- Create index "casefile_status_first_contact_at_opened_at" to table: "case_files"
CREATE INDEX "casefile_status_first_contact_at_opened_at" ON "case_files" ("status", "first_contact_at", "opened_at");
-- Create "case_events" table
CREATE TABLE "case_events" ("id" character varying NOT NULL, "kind" character varying NOT NULL, "victim_visible" boolean NOT NULL DEFAULT true, "detail" character varying NULL, "status" character varying NULL, "referral_id" character varying NULL, "actor_id" character varying NULL, "at" timestamptz NOT NULL, "case_id" character varying NOT NULL, PRIMARY KEY ("id"), CONSTRAINT "case_events_case_files_events" FOREIGN KEY ("case_id") REFERENCES "case_files" ("id") ON DELETE NO ACTION);
-- Create index "caseevent_case_id_at" to table: "case_events"
CREATE INDEX "caseevent_case_id_at" ON "case_events" ("case_id", "at");
-- Create "case_messages" table
CREATE TABLE "case_messages" ("id" character varying NOT NULL, "direction" character varying NOT NULL, "body" character varying NOT NULL, "template" character varying NULL, "locale" character varying NOT NULL, "author_id" character varying NULL, "sent_at" timestamptz NOT NULL, "read_at" timestamptz NULL, "case_id" character varying NOT NULL, PRIMARY KEY ("id"), CONSTRAINT "case_messages_case_files_messages" FOREIGN KEY ("case_id") REFERENCES "case_files" ("id") ON DELETE NO ACTION);
-- Create index "casemessage_case_id_sent_at" to table: "case_messages"
CREATE INDEX "casemessage_case_id_sent_at" ON "case_messages" ("case_id", "sent_at");
-- Create index "casemessage_case_id_direction_read_at" to table: "case_messages"
CREATE INDEX "casemessage_case_id_direction_read_at" ON "case_messages" ("case_id", "direction", "read_at");
-- Create "case_sessions" table
CREATE TABLE "case_sessions" ("id" character varying NOT NULL, "token_hash" character varying NOT NULL, "created_at" timestamptz NOT NULL, "expires_at" timestamptz NOT NULL, "revoked_at" timestamptz NULL, "case_id" character varying NOT NULL, PRIMARY KEY ("id"), CONSTRAINT "case_sessions_case_files_sessions" FOREIGN KEY ("case_id") REFERENCES "case_files" ("id") ON DELETE NO ACTION);
-- Create index "case_sessions_token_hash_key" to table: "case_sessions"
CREATE UNIQUE INDEX "case_sessions_token_hash_key" ON "case_sessions" ("token_hash");
-- Create "court_dates" table
CREATE TABLE "court_dates" ("id" character varying NOT NULL, "at" timestamptz NOT NULL, "court_name" character varying NOT NULL, "street" character varying NULL, "city" character varying NULL, "state" character varying NULL, "postal_code" character varying NULL, "hearing" character varying NOT NULL DEFAULT 'OTHER', "case_id" character varying NOT NULL, PRIMARY KEY ("id"), CONSTRAINT "court_dates_case_files_court_dates" FOREIGN KEY ("case_id") REFERENCES "case_files" ("id") ON DELETE NO ACTION);
-- Create index "courtdate_case_id_at" to table: "court_dates"
CREATE INDEX "courtdate_case_id_at" ON "court_dates" ("case_id", "at");
-- Create index "courtdate_at" to table: "court_dates"
CREATE INDEX "courtdate_at" ON "court_dates" ("at");
-- Create "feedbacks" table
CREATE TABLE "feedbacks" ("id" character varying NOT NULL, "rating" bigint NOT NULL, "comment" character varying NULL, "submitted_at" timestamptz NOT NULL, "case_id" character varying NOT NULL, PRIMARY KEY ("id"), CONSTRAINT "feedbacks_case_files_feedback" FOREIGN KEY ("case_id") REFERENCES "case_files" ("id") ON DELETE NO ACTION);
-- Create index "feedbacks_case_id_key" to table: "feedbacks"
CREATE UNIQUE INDEX "feedbacks_case_id_key" ON "feedbacks" ("case_id");
-- Create index "feedback_case_id" to table: "feedbacks"
CREATE UNIQUE INDEX "feedback_case_id" ON "feedbacks" ("case_id");
-- Create index "feedback_submitted_at" to table: "feedbacks"
CREATE INDEX "feedback_submitted_at" ON "feedbacks" ("submitted_at");
-- Create "follow_ups" table
CREATE TABLE "follow_ups" ("id" character varying NOT NULL, "due_at" timestamptz NOT NULL, "done_at" timestamptz NULL, "note" character varying NULL, "case_id" character varying NOT NULL, PRIMARY KEY ("id"), CONSTRAINT "follow_ups_case_files_follow_ups" FOREIGN KEY ("case_id") REFERENCES "case_files" ("id") ON DELETE NO ACTION);
-- Create index "followup_case_id_due_at" to table: "follow_ups"
CREATE INDEX "followup_case_id_due_at" ON "follow_ups" ("case_id", "due_at");
-- Create "locations" table
CREATE TABLE "locations" ("id" character varying NOT NULL, "street" character varying NULL, "city" character varying NULL, "state" character varying NULL, "postal_code" character varying NULL, "neighborhood" character varying NULL, "latitude" double precision NULL, "longitude" double precision NULL, "ada_accessible" boolean NOT NULL DEFAULT false, "hours" jsonb NULL, "demo" boolean NOT NULL DEFAULT false, PRIMARY KEY ("id"));
-- Create "location_translations" table
CREATE TABLE "location_translations" ("id" character varying NOT NULL, "locale" character varying NOT NULL, "status" character varying NOT NULL DEFAULT 'DRAFT', "machine_translated" boolean NOT NULL DEFAULT false, "updated_at" timestamptz NOT NULL, "name" character varying NOT NULL, "accessibility_notes" character varying NULL, "location_id" character varying NOT NULL, PRIMARY KEY ("id"), CONSTRAINT "location_translations_locations_translations" FOREIGN KEY ("location_id") REFERENCES "locations" ("id") ON DELETE NO ACTION);
-- Create index "locationtranslation_location_id_locale" to table: "location_translations"
CREATE UNIQUE INDEX "locationtranslation_location_id_locale" ON "location_translations" ("location_id", "locale");
-- Create "organizations" table
CREATE TABLE "organizations" ("id" character varying NOT NULL, "kind" character varying NOT NULL DEFAULT 'PARTNER', "email" character varying NULL, "website" character varying NULL, "phones" jsonb NULL, "sort_order" bigint NOT NULL DEFAULT 0, PRIMARY KEY ("id"));
-- Create "organization_translations" table
CREATE TABLE "organization_translations" ("id" character varying NOT NULL, "locale" character varying NOT NULL, "status" character varying NOT NULL DEFAULT 'DRAFT', "machine_translated" boolean NOT NULL DEFAULT false, "updated_at" timestamptz NOT NULL, "search_text" text NULL, "name" character varying NOT NULL, "description" character varying NULL, "organization_id" character varying NOT NULL, PRIMARY KEY ("id"), CONSTRAINT "organization_translations_organizations_translations" FOREIGN KEY ("organization_id") REFERENCES "organizations" ("id") ON DELETE NO ACTION);
-- Create index "organizationtranslation_organization_id_locale" to table: "organization_translations"
CREATE UNIQUE INDEX "organizationtranslation_organization_id_locale" ON "organization_translations" ("organization_id", "locale");
-- Create "services" table
CREATE TABLE "services" ("id" character varying NOT NULL, "category" character varying NOT NULL, "status" character varying NOT NULL DEFAULT 'ACTIVE', "email" character varying NULL, "phones" jsonb NULL, "hours" jsonb NOT NULL, "languages" jsonb NULL, "sort_order" bigint NOT NULL DEFAULT 0, "national" boolean NOT NULL DEFAULT false, "provider_id" character varying NULL, PRIMARY KEY ("id"), CONSTRAINT "services_organizations_services" FOREIGN KEY ("provider_id") REFERENCES "organizations" ("id") ON DELETE SET NULL);
-- Create index "service_status_sort_order" to table: "services"
CREATE INDEX "service_status_sort_order" ON "services" ("status", "sort_order");
-- Create "referrals" table
CREATE TABLE "referrals" ("id" character varying NOT NULL, "reason" character varying NOT NULL, "status" character varying NOT NULL DEFAULT 'PROPOSED', "share" character varying NOT NULL DEFAULT 'NOTHING', "consent_given_at" timestamptz NULL, "consent_method" character varying NULL, "consent_withdrawn_at" timestamptz NULL, "decline_reason" character varying NULL, "created_at" timestamptz NOT NULL, "updated_at" timestamptz NOT NULL, "case_id" character varying NOT NULL, "partner_id" character varying NOT NULL, "service_id" character varying NULL, PRIMARY KEY ("id"), CONSTRAINT "referrals_case_files_referrals" FOREIGN KEY ("case_id") REFERENCES "case_files" ("id") ON DELETE NO ACTION, CONSTRAINT "referrals_organizations_partner" FOREIGN KEY ("partner_id") REFERENCES "organizations" ("id") ON DELETE NO ACTION, CONSTRAINT "referrals_services_service" FOREIGN KEY ("service_id") REFERENCES "services" ("id") ON DELETE SET NULL);
-- Create index "referral_case_id_created_at" to table: "referrals"
CREATE INDEX "referral_case_id_created_at" ON "referrals" ("case_id", "created_at");
-- Create index "referral_partner_id_status" to table: "referrals"
CREATE INDEX "referral_partner_id_status" ON "referrals" ("partner_id", "status");
-- Create "resources" table
CREATE TABLE "resources" ("id" character varying NOT NULL, "slug" character varying NOT NULL, "category" character varying NOT NULL, "sort_order" bigint NOT NULL DEFAULT 0, PRIMARY KEY ("id"));
-- Create index "resources_slug_key" to table: "resources"
CREATE UNIQUE INDEX "resources_slug_key" ON "resources" ("slug");
-- Create index "resource_category_sort_order" to table: "resources"
CREATE INDEX "resource_category_sort_order" ON "resources" ("category", "sort_order");
-- Create "resource_revisions" table
CREATE TABLE "resource_revisions" ("id" character varying NOT NULL, "locale" character varying NOT NULL, "title" character varying NOT NULL, "summary" character varying NULL, "body" text NOT NULL, "status" character varying NOT NULL, "machine_translated" boolean NOT NULL, "edited_by" character varying NULL, "edited_at" timestamptz NOT NULL, "resource_id" character varying NOT NULL, PRIMARY KEY ("id"), CONSTRAINT "resource_revisions_resources_revisions" FOREIGN KEY ("resource_id") REFERENCES "resources" ("id") ON DELETE NO ACTION);
-- Create index "resourcerevision_resource_id_locale_edited_at" to table: "resource_revisions"
CREATE INDEX "resourcerevision_resource_id_locale_edited_at" ON "resource_revisions" ("resource_id", "locale", "edited_at");
-- Create "resource_translations" table
CREATE TABLE "resource_translations" ("id" character varying NOT NULL, "locale" character varying NOT NULL, "status" character varying NOT NULL DEFAULT 'DRAFT', "machine_translated" boolean NOT NULL DEFAULT false, "updated_at" timestamptz NOT NULL, "search_text" text NULL, "title" character varying NOT NULL, "summary" character varying NULL, "body" character varying NOT NULL, "updated_by" character varying NULL, "resource_id" character varying NOT NULL, PRIMARY KEY ("id"), CONSTRAINT "resource_translations_resources_translations" FOREIGN KEY ("resource_id") REFERENCES "resources" ("id") ON DELETE NO ACTION);
-- Create index "resourcetranslation_resource_id_locale" to table: "resource_translations"
CREATE UNIQUE INDEX "resourcetranslation_resource_id_locale" ON "resource_translations" ("resource_id", "locale");
-- Create "service_locations" table
CREATE TABLE "service_locations" ("service_id" character varying NOT NULL, "location_id" character varying NOT NULL, PRIMARY KEY ("service_id", "location_id"), CONSTRAINT "service_locations_service_id" FOREIGN KEY ("service_id") REFERENCES "services" ("id") ON DELETE CASCADE, CONSTRAINT "service_locations_location_id" FOREIGN KEY ("location_id") REFERENCES "locations" ("id") ON DELETE CASCADE);
-- Create "service_translations" table
CREATE TABLE "service_translations" ("id" character varying NOT NULL, "locale" character varying NOT NULL, "status" character varying NOT NULL DEFAULT 'DRAFT', "machine_translated" boolean NOT NULL DEFAULT false, "updated_at" timestamptz NOT NULL, "search_text" text NULL, "name" character varying NOT NULL, "description" character varying NULL, "service_id" character varying NOT NULL, PRIMARY KEY ("id"), CONSTRAINT "service_translations_services_translations" FOREIGN KEY ("service_id") REFERENCES "services" ("id") ON DELETE NO ACTION);
-- Create index "servicetranslation_service_id_locale" to table: "service_translations"
CREATE UNIQUE INDEX "servicetranslation_service_id_locale" ON "service_translations" ("service_id", "locale");
