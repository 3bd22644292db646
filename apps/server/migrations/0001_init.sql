CREATE SCHEMA "kernel";
--> statement-breakpoint
CREATE SCHEMA "agencies";
--> statement-breakpoint
CREATE SCHEMA "calendar";
--> statement-breakpoint
CREATE SCHEMA "catalog";
--> statement-breakpoint
CREATE SCHEMA "geo";
--> statement-breakpoint
CREATE TABLE "kernel"."seed_run" (
	"name" text PRIMARY KEY NOT NULL,
	"checksum" text NOT NULL,
	"summary" text NOT NULL,
	"applied_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "kernel"."event_delivery" (
	"event_id" uuid NOT NULL,
	"consumer" text NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"available_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_error" text,
	"completed_at" timestamp with time zone,
	CONSTRAINT "event_delivery_event_id_consumer_pk" PRIMARY KEY("event_id","consumer")
);
--> statement-breakpoint
CREATE TABLE "kernel"."outbox_event" (
	"id" uuid PRIMARY KEY NOT NULL,
	"topic" text NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"aggregate_id" text,
	"payload" jsonb NOT NULL,
	"request_id" text,
	"occurred_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "agencies"."agency" (
	"id" uuid PRIMARY KEY NOT NULL,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"name_en" text NOT NULL,
	"short_name" text,
	"kind" text NOT NULL,
	"level" text NOT NULL,
	"parent_code" text,
	"admin_unit_code" text,
	"admin_unit_version_on" date,
	"address" text,
	"phone" text,
	"email" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "calendar"."announced_year" (
	"year" integer PRIMARY KEY NOT NULL,
	"source_note" text NOT NULL,
	"unconfirmed" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "calendar"."day_override" (
	"date" date PRIMARY KEY NOT NULL,
	"year" integer NOT NULL,
	"kind" text NOT NULL,
	"name_vi" text NOT NULL,
	"name_en" text NOT NULL,
	"replaces" date,
	"source" text NOT NULL,
	CONSTRAINT "day_override_year_ck" CHECK (extract(year from date) = year)
);
--> statement-breakpoint
CREATE TABLE "calendar"."office_hours" (
	"scope" text PRIMARY KEY NOT NULL,
	"intervals" jsonb NOT NULL,
	"receives_on_saturday_morning" boolean DEFAULT false NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "catalog"."procedure" (
	"code" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"field" text,
	"levels" text[] NOT NULL,
	"procedure_type" text,
	"decision_number" text,
	"applicant_types" text[] NOT NULL,
	"agencies" jsonb NOT NULL,
	"implementing_agencies" text[] NOT NULL,
	"channels" jsonb NOT NULL,
	"documents" jsonb NOT NULL,
	"legal_bases" jsonb NOT NULL,
	"results" jsonb NOT NULL,
	"steps" text,
	"requirements" text,
	"time_limit_value" numeric,
	"time_limit_unit" text,
	"receipt_cutoff" text,
	"parse_complete" boolean NOT NULL,
	"parse_issues" text[] NOT NULL,
	"raw" jsonb NOT NULL,
	"source_url" text,
	"source_folder" text,
	"imported_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "geo"."admin_unit" (
	"id" uuid PRIMARY KEY NOT NULL,
	"code" text NOT NULL,
	"level" text NOT NULL,
	"kind" text NOT NULL,
	"kind_en" text NOT NULL,
	"name" text NOT NULL,
	"full_name" text NOT NULL,
	"name_en" text NOT NULL,
	"full_name_en" text NOT NULL,
	"code_name" text NOT NULL,
	"parent_code" text,
	"search_text" text NOT NULL,
	"valid_from" date,
	"valid_to" date,
	"legal_basis" text NOT NULL,
	"source" text NOT NULL,
	CONSTRAINT "admin_unit_validity_ck" CHECK (valid_to is null or valid_from is null or valid_from < valid_to)
);
--> statement-breakpoint
CREATE TABLE "geo"."unit_succession" (
	"level" text NOT NULL,
	"old_code" text NOT NULL,
	"old_name" text NOT NULL,
	"new_code" text NOT NULL,
	"new_name" text NOT NULL,
	"coverage" text NOT NULL,
	"effective_on" date NOT NULL,
	"rank" smallint NOT NULL
);
--> statement-breakpoint
ALTER TABLE "kernel"."event_delivery" ADD CONSTRAINT "event_delivery_event_id_outbox_event_id_fk" FOREIGN KEY ("event_id") REFERENCES "kernel"."outbox_event"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "event_delivery_due_idx" ON "kernel"."event_delivery" USING btree ("available_at") WHERE status = 'pending';--> statement-breakpoint
CREATE INDEX "outbox_event_topic_idx" ON "kernel"."outbox_event" USING btree ("topic","occurred_at");--> statement-breakpoint
CREATE UNIQUE INDEX "agency_code_uq" ON "agencies"."agency" USING btree ("code");--> statement-breakpoint
CREATE INDEX "agency_parent_idx" ON "agencies"."agency" USING btree ("parent_code");--> statement-breakpoint
CREATE INDEX "day_override_year_idx" ON "calendar"."day_override" USING btree ("year");--> statement-breakpoint
CREATE INDEX "procedure_field_idx" ON "catalog"."procedure" USING btree ("field");--> statement-breakpoint
CREATE INDEX "procedure_levels_idx" ON "catalog"."procedure" USING gin ("levels");--> statement-breakpoint
CREATE UNIQUE INDEX "admin_unit_code_version_uq" ON "geo"."admin_unit" USING btree ("code","level",coalesce(valid_from, '-infinity'::date));--> statement-breakpoint
CREATE INDEX "admin_unit_parent_idx" ON "geo"."admin_unit" USING btree ("parent_code");--> statement-breakpoint
CREATE INDEX "admin_unit_search_trgm_idx" ON "geo"."admin_unit" USING gin ("search_text" gin_trgm_ops);--> statement-breakpoint
CREATE UNIQUE INDEX "unit_succession_uq" ON "geo"."unit_succession" USING btree ("level","old_code","new_code","effective_on");--> statement-breakpoint
CREATE INDEX "unit_succession_new_idx" ON "geo"."unit_succession" USING btree ("new_code");