CREATE TABLE "member_import_staged" (
	"job_id" integer NOT NULL,
	"last_row" integer NOT NULL,
	"inserts" text NOT NULL,
	"patches" text NOT NULL,
	CONSTRAINT "member_import_staged_job_id_last_row_pk" PRIMARY KEY("job_id","last_row")
);
--> statement-breakpoint
ALTER TABLE "member_import_staged" ADD CONSTRAINT "member_import_staged_job_id_jobs_id_fk" FOREIGN KEY ("job_id") REFERENCES "public"."jobs"("id") ON DELETE no action ON UPDATE no action;