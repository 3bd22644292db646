CREATE SCHEMA "exchange";
--> statement-breakpoint
CREATE SCHEMA "tracker";
--> statement-breakpoint
CREATE TABLE "dossiers"."store_item" (
	"id" uuid PRIMARY KEY NOT NULL,
	"owner_id" text NOT NULL,
	"dossier_id" uuid NOT NULL,
	"dossier_code" text NOT NULL,
	"procedure_code" text NOT NULL,
	"procedure_name" text NOT NULL,
	"agency_code" text NOT NULL,
	"attachment_id" uuid NOT NULL,
	"stored_name" text NOT NULL,
	"media_type" text NOT NULL,
	"size" integer NOT NULL,
	"sha256" text NOT NULL,
	"issued_at" timestamp with time zone NOT NULL,
	CONSTRAINT "store_item_attachment_id_unique" UNIQUE("attachment_id")
);
--> statement-breakpoint
CREATE TABLE "exchange"."event_envelope" (
	"seq" bigint GENERATED ALWAYS AS IDENTITY (sequence name "exchange"."event_envelope_seq_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"event_id" uuid NOT NULL,
	"subscriber" text NOT NULL,
	"topic" text NOT NULL,
	"envelope" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "event_envelope_event_id_subscriber_pk" PRIMARY KEY("event_id","subscriber")
);
--> statement-breakpoint
CREATE TABLE "exchange"."event_inbox" (
	"subscriber" text NOT NULL,
	"consumer" text NOT NULL,
	"event_id" uuid NOT NULL,
	"topic" text NOT NULL,
	"handled_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "event_inbox_subscriber_consumer_event_id_pk" PRIMARY KEY("subscriber","consumer","event_id")
);
--> statement-breakpoint
CREATE TABLE "exchange"."access_right" (
	"id" uuid PRIMARY KEY NOT NULL,
	"client_subsystem_id" text NOT NULL,
	"service_id" text NOT NULL,
	"may_defer_disclosure" boolean DEFAULT false NOT NULL,
	"granted_by" text NOT NULL,
	"granted_at" timestamp with time zone NOT NULL,
	"revoked_by" text,
	"revoked_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "exchange"."admin_audit" (
	"id" uuid PRIMARY KEY NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"actor" text NOT NULL,
	"event" text NOT NULL,
	"target" text NOT NULL,
	"data" jsonb NOT NULL
);
--> statement-breakpoint
CREATE TABLE "exchange"."chain_head" (
	"id" smallint PRIMARY KEY NOT NULL,
	"seq" bigint NOT NULL,
	"hash" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "exchange"."gateway_key" (
	"kid" text PRIMARY KEY NOT NULL,
	"private_jwk" jsonb NOT NULL,
	"public_jwk" jsonb NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"retired_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "exchange"."member" (
	"id" text PRIMARY KEY NOT NULL,
	"instance" text NOT NULL,
	"member_class" text NOT NULL,
	"member_code" text NOT NULL,
	"name" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "exchange"."message_log" (
	"seq" bigint PRIMARY KEY NOT NULL,
	"message_id" text,
	"client" text,
	"service" text,
	"user_id" text,
	"purpose" text,
	"issue" text,
	"request_hash" text,
	"response_hash" text,
	"status" smallint NOT NULL,
	"error_code" text,
	"at" timestamp (3) with time zone NOT NULL,
	"kid" text NOT NULL,
	"request_signature" text,
	"response_signature" text,
	"prev_hash" text NOT NULL,
	"row_hash" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "exchange"."seen_message" (
	"client" text NOT NULL,
	"message_id" text NOT NULL,
	"seen_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "exchange"."service" (
	"id" text PRIMARY KEY NOT NULL,
	"subsystem_id" text NOT NULL,
	"code" text NOT NULL,
	"kind" text NOT NULL,
	"topic" text,
	"title_vi" text NOT NULL,
	"title_en" text NOT NULL,
	"openapi" jsonb,
	"personal_data" boolean DEFAULT false NOT NULL,
	"enabled" boolean DEFAULT true NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "exchange"."subsystem" (
	"id" text PRIMARY KEY NOT NULL,
	"member_id" text NOT NULL,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"client_id" text,
	"signing_key" jsonb,
	"quota_per_minute" integer DEFAULT 600 NOT NULL,
	"quota_per_day" integer DEFAULT 200000 NOT NULL,
	"local" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "exchange"."timestamp_batch" (
	"id" uuid PRIMARY KEY NOT NULL,
	"first_seq" bigint NOT NULL,
	"last_seq" bigint NOT NULL,
	"head_hash" text NOT NULL,
	"token" text NOT NULL,
	"stamped_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "registries"."enterprise" (
	"enterprise_code" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"legal_representative_id" text NOT NULL,
	"legal_representative_name" text NOT NULL,
	"head_office_commune_code" text NOT NULL,
	"head_office_address" text NOT NULL,
	"status" text NOT NULL,
	"business_lines" text[] NOT NULL,
	"registered_on" date NOT NULL
);
--> statement-breakpoint
CREATE TABLE "registries"."household" (
	"id" text PRIMARY KEY NOT NULL,
	"head_personal_id" text NOT NULL,
	"commune_code" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "registries"."parcel" (
	"commune_code" text NOT NULL,
	"map_sheet" integer NOT NULL,
	"parcel_number" integer NOT NULL,
	"area" numeric(12, 2) NOT NULL,
	"purpose" text NOT NULL,
	"certificate_number" text NOT NULL,
	"certificate_issued_on" date NOT NULL,
	"holder_ids" text[] NOT NULL,
	CONSTRAINT "parcel_commune_code_map_sheet_parcel_number_pk" PRIMARY KEY("commune_code","map_sheet","parcel_number")
);
--> statement-breakpoint
CREATE TABLE "registries"."parcel_holder" (
	"personal_id" text NOT NULL,
	"commune_code" text NOT NULL,
	"map_sheet" integer NOT NULL,
	"parcel_number" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "registries"."person" (
	"personal_id" text PRIMARY KEY NOT NULL,
	"full_name" text NOT NULL,
	"birth_date" date NOT NULL,
	"sex" text NOT NULL,
	"permanent_commune_code" text NOT NULL,
	"permanent_address" text NOT NULL,
	"temporary_commune_code" text,
	"temporary_address" text,
	"household_id" text NOT NULL,
	"father_id" text,
	"mother_id" text,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "tracker"."data_access" (
	"id" uuid PRIMARY KEY NOT NULL,
	"subject_personal_id" text NOT NULL,
	"channel" text NOT NULL,
	"accessor_kind" text NOT NULL,
	"accessor_id" text NOT NULL,
	"accessor_name" text NOT NULL,
	"agency_code" text NOT NULL,
	"user_id" text,
	"data" text NOT NULL,
	"service" text,
	"purpose" text NOT NULL,
	"reference" text,
	"occurred_at" timestamp with time zone NOT NULL,
	"hidden_until" date,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
DROP TABLE "registries"."synthetic_enterprise" CASCADE;--> statement-breakpoint
DROP TABLE "registries"."synthetic_resident" CASCADE;--> statement-breakpoint
ALTER TABLE "dossiers"."attachment" ADD COLUMN "store_item_id" uuid;--> statement-breakpoint
ALTER TABLE "dossiers"."draft" ADD COLUMN "prefill" jsonb;--> statement-breakpoint
CREATE INDEX "store_item_owner_idx" ON "dossiers"."store_item" USING btree ("owner_id","issued_at");--> statement-breakpoint
CREATE INDEX "event_envelope_subscriber_idx" ON "exchange"."event_envelope" USING btree ("subscriber","seq");--> statement-breakpoint
CREATE UNIQUE INDEX "access_right_active_uq" ON "exchange"."access_right" USING btree ("client_subsystem_id","service_id") WHERE revoked_at is null;--> statement-breakpoint
CREATE INDEX "access_right_service_idx" ON "exchange"."access_right" USING btree ("service_id");--> statement-breakpoint
CREATE INDEX "admin_audit_target_idx" ON "exchange"."admin_audit" USING btree ("target");--> statement-breakpoint
CREATE UNIQUE INDEX "member_identifier_uq" ON "exchange"."member" USING btree ("instance","member_class","member_code");--> statement-breakpoint
CREATE INDEX "message_log_at_idx" ON "exchange"."message_log" USING btree ("at");--> statement-breakpoint
CREATE INDEX "message_log_message_idx" ON "exchange"."message_log" USING btree ("client","message_id");--> statement-breakpoint
CREATE UNIQUE INDEX "seen_message_uq" ON "exchange"."seen_message" USING btree ("client","message_id");--> statement-breakpoint
CREATE INDEX "seen_message_at_idx" ON "exchange"."seen_message" USING btree ("seen_at");--> statement-breakpoint
CREATE INDEX "service_subsystem_idx" ON "exchange"."service" USING btree ("subsystem_id");--> statement-breakpoint
CREATE INDEX "service_topic_idx" ON "exchange"."service" USING btree ("topic");--> statement-breakpoint
CREATE UNIQUE INDEX "subsystem_client_uq" ON "exchange"."subsystem" USING btree ("client_id");--> statement-breakpoint
CREATE INDEX "subsystem_member_idx" ON "exchange"."subsystem" USING btree ("member_id");--> statement-breakpoint
CREATE UNIQUE INDEX "timestamp_batch_last_uq" ON "exchange"."timestamp_batch" USING btree ("last_seq");--> statement-breakpoint
CREATE INDEX "parcel_holder_person_idx" ON "registries"."parcel_holder" USING btree ("personal_id");--> statement-breakpoint
CREATE INDEX "person_household_idx" ON "registries"."person" USING btree ("household_id");--> statement-breakpoint
CREATE INDEX "data_access_subject_idx" ON "tracker"."data_access" USING btree ("subject_personal_id","occurred_at" DESC NULLS LAST,"id" DESC NULLS LAST);
--> statement-breakpoint
-- The data tracker is append-only (issue 6: officials cannot delete or edit these records): any
-- UPDATE, DELETE or TRUNCATE of tracker.data_access raises, whoever runs it.
CREATE FUNCTION "tracker"."data_access_append_only"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'tracker.data_access is append-only: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
END;
$$;
--> statement-breakpoint
CREATE TRIGGER "data_access_no_update_delete" BEFORE UPDATE OR DELETE ON "tracker"."data_access" FOR EACH ROW EXECUTE FUNCTION "tracker"."data_access_append_only"();
--> statement-breakpoint
CREATE TRIGGER "data_access_no_truncate" BEFORE TRUNCATE ON "tracker"."data_access" FOR EACH STATEMENT EXECUTE FUNCTION "tracker"."data_access_append_only"();

--> statement-breakpoint
INSERT INTO "exchange"."chain_head" ("id", "seq", "hash") VALUES (1, 0, '0000000000000000000000000000000000000000000000000000000000000000') ON CONFLICT DO NOTHING;
--> statement-breakpoint
-- The message log is append-only (Decree 47/2020 Art. 45): the hash chain detects what a superuser
-- could still do; this refuses it for everyone else.
CREATE FUNCTION "exchange"."message_log_append_only"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'exchange.message_log is append-only';
END $$;
--> statement-breakpoint
CREATE TRIGGER "message_log_append_only" BEFORE UPDATE OR DELETE ON "exchange"."message_log" FOR EACH ROW EXECUTE FUNCTION "exchange"."message_log_append_only"();
