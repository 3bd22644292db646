CREATE SCHEMA "notifications";
--> statement-breakpoint
CREATE SCHEMA "registries";
--> statement-breakpoint
CREATE TABLE "identity"."business" (
	"enterprise_code" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"legal_representative_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "identity"."mandate" (
	"id" uuid PRIMARY KEY NOT NULL,
	"principal_kind" text NOT NULL,
	"principal_id" text NOT NULL,
	"agent_account_id" uuid NOT NULL,
	"scope" text[] NOT NULL,
	"valid_from" date NOT NULL,
	"valid_until" date NOT NULL,
	"granted_by" uuid NOT NULL,
	"revoked_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "identity"."one_time_code" (
	"id" uuid PRIMARY KEY NOT NULL,
	"account_id" uuid NOT NULL,
	"purpose" text NOT NULL,
	"destination" text NOT NULL,
	"code_hash" text NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"consumed_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "identity"."passkey" (
	"credential_id" text PRIMARY KEY NOT NULL,
	"account_id" uuid NOT NULL,
	"public_key" "bytea" NOT NULL,
	"counter" bigint DEFAULT 0 NOT NULL,
	"transports" text[] DEFAULT '{}'::text[] NOT NULL,
	"backed_up" boolean DEFAULT false NOT NULL,
	"name" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_used_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "identity"."webauthn_challenge" (
	"id" uuid PRIMARY KEY NOT NULL,
	"account_id" uuid,
	"purpose" text NOT NULL,
	"challenge" text NOT NULL,
	"expires_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "notifications"."dev_message" (
	"id" uuid PRIMARY KEY NOT NULL,
	"channel" text NOT NULL,
	"recipient" text NOT NULL,
	"subject" text NOT NULL,
	"body" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "registries"."synthetic_enterprise" (
	"enterprise_code" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"legal_representative_id" text NOT NULL,
	"status" text NOT NULL,
	"registered_on" date NOT NULL
);
--> statement-breakpoint
CREATE TABLE "registries"."synthetic_resident" (
	"personal_id" text PRIMARY KEY NOT NULL,
	"full_name" text NOT NULL,
	"name_folded" text NOT NULL,
	"birth_date" date NOT NULL,
	"sex" text NOT NULL,
	"birth_province_code" text NOT NULL,
	"residence_commune_code" text
);
--> statement-breakpoint
ALTER TABLE "identity"."account" ADD COLUMN "email_verified_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "identity"."account" ADD COLUMN "phone_verified_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "identity"."account" ADD COLUMN "verified_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "identity"."account" ADD COLUMN "agency_code" text;--> statement-breakpoint
ALTER TABLE "identity"."account" ADD COLUMN "unit_code" text;--> statement-breakpoint
ALTER TABLE "identity"."account" ADD COLUMN "roles" text[] DEFAULT '{}'::text[] NOT NULL;--> statement-breakpoint
ALTER TABLE "identity"."account" ADD COLUMN "totp_secret" text;--> statement-breakpoint
ALTER TABLE "identity"."account" ADD COLUMN "totp_enabled_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "identity"."account" ADD COLUMN "totp_last_step" bigint;--> statement-breakpoint
ALTER TABLE "identity"."account" ADD COLUMN "disabled_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "identity"."login_event" ADD COLUMN "method" text DEFAULT 'pwd' NOT NULL;--> statement-breakpoint
CREATE INDEX "mandate_agent_idx" ON "identity"."mandate" USING btree ("agent_account_id");--> statement-breakpoint
CREATE INDEX "mandate_principal_idx" ON "identity"."mandate" USING btree ("principal_kind","principal_id");--> statement-breakpoint
CREATE INDEX "one_time_code_account_idx" ON "identity"."one_time_code" USING btree ("account_id","purpose");--> statement-breakpoint
CREATE INDEX "passkey_account_idx" ON "identity"."passkey" USING btree ("account_id");--> statement-breakpoint
CREATE INDEX "dev_message_recipient_idx" ON "notifications"."dev_message" USING btree ("recipient","created_at");--> statement-breakpoint
CREATE INDEX "synthetic_resident_birth_idx" ON "registries"."synthetic_resident" USING btree ("birth_date");--> statement-breakpoint
CREATE INDEX "account_agency_idx" ON "identity"."account" USING btree ("agency_code");