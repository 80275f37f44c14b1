ALTER TABLE "rights_cases" DROP CONSTRAINT "rights_cases_status_ck";--> statement-breakpoint
ALTER TABLE "mutual_aid_claims" DROP CONSTRAINT "mutual_aid_claims_status_ck";--> statement-breakpoint
DROP INDEX "hardship_files_id_hash_active_uq";--> statement-breakpoint
ALTER TABLE "case_steps" ADD COLUMN "actor_member_id" integer;--> statement-breakpoint
ALTER TABLE "cases" ADD COLUMN "created_by_member_id" integer;--> statement-breakpoint
ALTER TABLE "hardship_files" ADD COLUMN "narrative_cipher" text;--> statement-breakpoint
ALTER TABLE "case_steps" ADD CONSTRAINT "case_steps_actor_member_id_members_id_fk" FOREIGN KEY ("actor_member_id") REFERENCES "public"."members"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cases" ADD CONSTRAINT "cases_created_by_member_id_members_id_fk" FOREIGN KEY ("created_by_member_id") REFERENCES "public"."members"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "cases_created_by_member_idx" ON "cases" USING btree ("created_by_member_id","id") WHERE "cases"."created_by_member_id" IS NOT NULL;--> statement-breakpoint
CREATE UNIQUE INDEX "hardship_files_id_hash_active_uq" ON "hardship_files" USING btree ("id_hash") WHERE "hardship_files"."status" NOT IN ('rejected', 'exited', 'withdrawn');--> statement-breakpoint
ALTER TABLE "rights_cases" ADD CONSTRAINT "rights_cases_status_ck" CHECK (status IN ('received', 'accepted', 'declined', 'closed', 'withdrawn'));--> statement-breakpoint
ALTER TABLE "mutual_aid_claims" ADD CONSTRAINT "mutual_aid_claims_status_ck" CHECK (status IN ('submitted', 'verified', 'reviewed', 'paid', 'rejected', 'withdrawn'));