CREATE SCHEMA "dossiers";
--> statement-breakpoint
CREATE TABLE "dossiers"."attachment" (
	"id" uuid PRIMARY KEY NOT NULL,
	"dossier_id" uuid NOT NULL,
	"document_code" text NOT NULL,
	"stored_name" text NOT NULL,
	"media_type" text NOT NULL,
	"size" integer NOT NULL,
	"sha256" text NOT NULL,
	"content" "bytea" NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "dossiers"."audit_entry" (
	"dossier_id" uuid NOT NULL,
	"seq" integer NOT NULL,
	"entry" jsonb NOT NULL,
	"prev_hash" text NOT NULL,
	"hash" text NOT NULL,
	CONSTRAINT "audit_entry_dossier_id_seq_pk" PRIMARY KEY("dossier_id","seq")
);
--> statement-breakpoint
CREATE TABLE "dossiers"."daily_sequence" (
	"agency_code" text NOT NULL,
	"day" date NOT NULL,
	"last" integer NOT NULL,
	CONSTRAINT "daily_sequence_agency_code_day_pk" PRIMARY KEY("agency_code","day")
);
--> statement-breakpoint
CREATE TABLE "dossiers"."dossier" (
	"id" uuid PRIMARY KEY NOT NULL,
	"code" text,
	"service_id" uuid NOT NULL,
	"service_version" integer NOT NULL,
	"agency_code" text NOT NULL,
	"unit_code" text,
	"procedure_code" text NOT NULL,
	"owner_id" text NOT NULL,
	"owner_kind" text NOT NULL,
	"filed_by" uuid NOT NULL,
	"channel" text NOT NULL,
	"state" text NOT NULL,
	"resume_to" text,
	"supplements_in_processing" smallint DEFAULT 0 NOT NULL,
	"reschedules" smallint DEFAULT 0 NOT NULL,
	"form_data" jsonb NOT NULL,
	"handler_id" uuid,
	"submitted_at" timestamp with time zone,
	"received_at" timestamp with time zone,
	"due_date" date,
	"due_at" timestamp with time zone,
	"finished_at" timestamp with time zone,
	"returned_at" timestamp with time zone,
	"punctuality" text,
	"audit_count" integer DEFAULT 0 NOT NULL,
	"audit_last_hash" text NOT NULL,
	"idempotency_key" text,
	"request_hash" text,
	"revision" bigint DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "dossiers"."service" (
	"id" uuid PRIMARY KEY NOT NULL,
	"agency_code" text NOT NULL,
	"procedure_code" text NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"definition" jsonb NOT NULL,
	"enabled" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE INDEX "attachment_dossier_idx" ON "dossiers"."attachment" USING btree ("dossier_id");--> statement-breakpoint
CREATE UNIQUE INDEX "dossier_code_uq" ON "dossiers"."dossier" USING btree ("code");--> statement-breakpoint
CREATE UNIQUE INDEX "dossier_idempotency_uq" ON "dossiers"."dossier" USING btree ("filed_by","idempotency_key");--> statement-breakpoint
CREATE INDEX "dossier_queue_idx" ON "dossiers"."dossier" USING btree ("agency_code","state","due_at");--> statement-breakpoint
CREATE INDEX "dossier_owner_idx" ON "dossiers"."dossier" USING btree ("owner_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "service_agency_procedure_uq" ON "dossiers"."service" USING btree ("agency_code","procedure_code");