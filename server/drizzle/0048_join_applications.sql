CREATE TABLE "join_applications" (
	"case_id" integer PRIMARY KEY NOT NULL,
	"name_cipher" text NOT NULL,
	"name_masked" varchar(50) NOT NULL,
	"id_hash" varchar(43) NOT NULL,
	"id_cipher" text NOT NULL,
	"id_masked" varchar(18) NOT NULL,
	"phone_cipher" text NOT NULL,
	"phone_masked" varchar(11) NOT NULL,
	"employer_name" varchar(100) NOT NULL,
	"employer_uscc" varchar(18),
	"no_union" boolean DEFAULT false NOT NULL,
	"token_hash" varchar(64) NOT NULL,
	"member_id" integer,
	"decided_at" timestamp with time zone,
	"reason" varchar(500),
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "join_applications_id_masked_form" CHECK ("join_applications"."id_masked" ~ '^.{3}[*]{11}.{4}$')
);
--> statement-breakpoint
ALTER TABLE "join_applications" ADD CONSTRAINT "join_applications_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "join_applications" ADD CONSTRAINT "join_applications_member_id_members_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."members"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "join_applications_id_hash_idx" ON "join_applications" USING btree ("id_hash");