CREATE TABLE "member_path_counts" (
	"org_path" varchar(400) PRIMARY KEY NOT NULL,
	"n" integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX "member_path_counts_path_idx" ON "member_path_counts" USING btree ("org_path" text_pattern_ops,"n");