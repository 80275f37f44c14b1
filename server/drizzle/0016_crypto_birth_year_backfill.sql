-- Keep only the year of the birth date in clear; the next migration drops birth_date (the full date is digits
-- 7-14 of the encrypted ID number and is revealed from it).
UPDATE "members" SET "birth_year" = extract(year FROM "birth_date")::smallint WHERE "birth_year" IS NULL;
