ALTER TABLE "catalog"."procedure" ADD COLUMN "level_labels" text[] DEFAULT '{}'::text[] NOT NULL;--> statement-breakpoint
ALTER TABLE "catalog"."procedure" ADD COLUMN "time_limit_channel" text;--> statement-breakpoint
ALTER TABLE "catalog"."procedure" ADD COLUMN "time_limit_text" text;--> statement-breakpoint
ALTER TABLE "catalog"."procedure" ADD COLUMN "parse_warnings" text[] DEFAULT '{}'::text[] NOT NULL;