CREATE TABLE "assistance_month_sums" (
	"ancestor_id" integer NOT NULL,
	"month" date NOT NULL,
	"grp" integer NOT NULL,
	"kind" varchar(16) NOT NULL,
	"fund_source" varchar(16) NOT NULL,
	"campaign_id" integer NOT NULL,
	"n" integer NOT NULL,
	"amount_fen" bigint NOT NULL,
	"goods_fen" bigint NOT NULL,
	CONSTRAINT "assistance_month_sums_ancestor_id_month_grp_kind_fund_source_campaign_id_pk" PRIMARY KEY("ancestor_id","month","grp","kind","fund_source","campaign_id")
);
