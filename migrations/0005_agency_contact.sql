-- Candidates who came through an agency talk to their recruiter first (principle 5): the
-- application records who that is, so the status page names them and check-ins go to them.
ALTER TABLE applications ADD COLUMN agency_recruiter_name text;
ALTER TABLE applications ADD COLUMN agency_recruiter_email text;
ALTER TABLE applications ADD CONSTRAINT applications_agency_recruiter_check
  CHECK ((agency_recruiter_name IS NULL) = (agency_recruiter_email IS NULL));
