DROP INDEX submissions_contest;
ALTER TABLE submissions DROP COLUMN contest_id;
DROP TABLE registrations;
DROP TABLE contests;
