CREATE TABLE "identity"."account" (
	"id" uuid PRIMARY KEY NOT NULL,
	"kind" text NOT NULL,
	"personal_id" text NOT NULL,
	"full_name" text NOT NULL,
	"birth_date" date NOT NULL,
	"sex" text NOT NULL,
	"email" text,
	"phone" text,
	"assurance_level" smallint DEFAULT 1 NOT NULL,
	"password_hash" text NOT NULL,
	"failed_logins" integer DEFAULT 0 NOT NULL,
	"locked_until" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "identity"."login_event" (
	"id" uuid PRIMARY KEY NOT NULL,
	"account_id" uuid,
	"personal_id_masked" text NOT NULL,
	"outcome" text NOT NULL,
	"ip" text,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX "account_personal_id_uq" ON "identity"."account" USING btree ("personal_id");--> statement-breakpoint
CREATE INDEX "login_event_account_idx" ON "identity"."login_event" USING btree ("account_id","at");--> statement-breakpoint
CREATE INDEX "login_event_ip_idx" ON "identity"."login_event" USING btree ("ip","at");