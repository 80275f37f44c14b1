ALTER TABLE "case_steps" ADD COLUMN "actor_member_id" integer;--> statement-breakpoint
ALTER TABLE "cases" ADD COLUMN "created_by_member_id" integer;--> statement-breakpoint
ALTER TABLE "case_steps" ADD CONSTRAINT "case_steps_actor_member_id_members_id_fk" FOREIGN KEY ("actor_member_id") REFERENCES "public"."members"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cases" ADD CONSTRAINT "cases_created_by_member_id_members_id_fk" FOREIGN KEY ("created_by_member_id") REFERENCES "public"."members"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "cases_created_by_member_idx" ON "cases" USING btree ("created_by_member_id","id") WHERE "cases"."created_by_member_id" IS NOT NULL;