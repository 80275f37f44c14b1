CREATE TABLE "org_imports" (
	"job_id" integer PRIMARY KEY NOT NULL,
	"org_id" integer NOT NULL,
	"file_name" varchar(255) NOT NULL,
	"dry_run" boolean NOT NULL,
	"checked" boolean DEFAULT false NOT NULL,
	"header" jsonb,
	"total_rows" integer DEFAULT 0 NOT NULL,
	"creates" integer DEFAULT 0 NOT NULL,
	"updates" integer DEFAULT 0 NOT NULL,
	"error_count" integer DEFAULT 0 NOT NULL,
	"errors" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"applied" boolean DEFAULT false NOT NULL
);
--> statement-breakpoint
ALTER TABLE "org_imports" ADD CONSTRAINT "org_imports_job_id_jobs_id_fk" FOREIGN KEY ("job_id") REFERENCES "public"."jobs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "org_imports" ADD CONSTRAINT "org_imports_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;