CREATE TABLE "compliance_window" (
	"county_id" uuid NOT NULL,
	"fingerprint" text NOT NULL,
	"computed_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "compliance_window_county_id_fingerprint_pk" PRIMARY KEY("county_id","fingerprint")
);
