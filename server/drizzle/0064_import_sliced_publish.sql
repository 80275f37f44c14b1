ALTER TABLE "member_import_staged" ADD COLUMN "part" smallint DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "member_import_staged" ADD COLUMN "published" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "member_import_staged" DROP CONSTRAINT "member_import_staged_job_id_last_row_pk";--> statement-breakpoint
ALTER TABLE "member_import_staged" ADD CONSTRAINT "member_import_staged_job_id_last_row_part_pk" PRIMARY KEY("job_id","last_row","part");--> statement-breakpoint
ALTER TABLE "member_imports" ADD COLUMN "publishing_since" timestamp with time zone;
