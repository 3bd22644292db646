CREATE TABLE "dossiers"."draft" (
	"id" uuid PRIMARY KEY NOT NULL,
	"filed_by" uuid NOT NULL,
	"owner_id" text NOT NULL,
	"agency_code" text NOT NULL,
	"procedure_code" text NOT NULL,
	"form_data" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "dossiers"."leg" (
	"id" uuid PRIMARY KEY NOT NULL,
	"dossier_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"from_agency_code" text NOT NULL,
	"to_agency_code" text NOT NULL,
	"to_unit_code" text,
	"request" text NOT NULL,
	"requested_at" timestamp with time zone NOT NULL,
	"allotted_hours" integer NOT NULL,
	"due_at" timestamp with time zone NOT NULL,
	"status" text NOT NULL,
	"answer" text,
	"answered_at" timestamp with time zone,
	"answered_by" text
);
--> statement-breakpoint
ALTER TABLE "dossiers"."attachment" ADD COLUMN "kind" text DEFAULT 'document' NOT NULL;--> statement-breakpoint
ALTER TABLE "dossiers"."dossier" ADD COLUMN "open_legs" smallint DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "dossiers"."dossier" ADD COLUMN "leg_count" smallint DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "dossiers"."dossier" ADD COLUMN "result_delivery" text[];--> statement-breakpoint
CREATE INDEX "draft_filer_idx" ON "dossiers"."draft" USING btree ("filed_by","updated_at");--> statement-breakpoint
CREATE INDEX "leg_dossier_idx" ON "dossiers"."leg" USING btree ("dossier_id");--> statement-breakpoint
CREATE INDEX "leg_inbox_idx" ON "dossiers"."leg" USING btree ("to_agency_code","status","due_at");