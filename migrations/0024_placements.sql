-- Placements and their guarantee (#16 item 8). Moving a submission to `placed` records the
-- placement: the start date, the fee terms (a percent of salary or a fixed fee, and a note), and the
-- guarantee period. Placing schedules check-ins owned by the recruiter (kind `placement_check_in`):
-- with the candidate on the first day, at 30 days and before the guarantee ends, and with the
-- client contact before it ends. A placement that falls through inside the guarantee opens a
-- replacement search (a `backfill` follow-up) at once; after it, falling through is only recorded.

CREATE TABLE placements (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  org_id uuid NOT NULL REFERENCES organizations (id),
  submission_id uuid NOT NULL,
  client_id uuid NOT NULL,
  job_id uuid NOT NULL,
  candidate_id uuid NOT NULL,
  application_id uuid NOT NULL,
  recruiter_id uuid NOT NULL,
  start_date date NOT NULL,
  -- {"kind":"percent","percent":20} or {"kind":"fixed","amount":15000,"currency":"EUR"}; the API
  -- validates the shape, the database that it is an object of a known kind.
  fee jsonb NOT NULL CHECK (jsonb_typeof(fee) = 'object' AND fee ->> 'kind' IN ('percent', 'fixed')),
  fee_note text NOT NULL DEFAULT '' CHECK (length(fee_note) <= 1000),
  guarantee_days integer NOT NULL CHECK (guarantee_days BETWEEN 0 AND 365),
  -- The last day the guarantee covers: start date + guarantee days (calendar).
  guarantee_ends_on date NOT NULL,
  fell_through_on date,
  fall_through_reason text,
  -- Whether the fall-through came inside the guarantee (a replacement search was opened).
  fell_within_guarantee boolean,
  replacement_follow_up_id uuid,
  created_by uuid NOT NULL,
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  UNIQUE (org_id, id),
  UNIQUE (org_id, submission_id),
  FOREIGN KEY (org_id, submission_id) REFERENCES submissions (org_id, id),
  FOREIGN KEY (org_id, client_id) REFERENCES clients (org_id, id),
  FOREIGN KEY (org_id, job_id) REFERENCES jobs (org_id, id),
  FOREIGN KEY (org_id, candidate_id) REFERENCES candidates (org_id, id),
  FOREIGN KEY (org_id, application_id) REFERENCES applications (org_id, id),
  FOREIGN KEY (org_id, recruiter_id) REFERENCES members (org_id, id),
  FOREIGN KEY (org_id, created_by) REFERENCES members (org_id, id),
  FOREIGN KEY (org_id, replacement_follow_up_id) REFERENCES follow_ups (org_id, id),
  CHECK (guarantee_ends_on = start_date + guarantee_days),
  CHECK ((fell_through_on IS NULL) = (fall_through_reason IS NULL)),
  CHECK ((fell_through_on IS NULL) = (fell_within_guarantee IS NULL))
);
CREATE INDEX placements_org_created_idx ON placements (org_id, created_at, id);
CREATE INDEX placements_client_idx ON placements (org_id, client_id);

-- Check-ins of a placement hang off it (and off its application).
ALTER TABLE follow_ups ADD COLUMN placement_id uuid;
ALTER TABLE follow_ups ADD CONSTRAINT follow_ups_placement_fkey
  FOREIGN KEY (org_id, placement_id) REFERENCES placements (org_id, id);
CREATE INDEX follow_ups_placement_idx ON follow_ups (org_id, placement_id) WHERE placement_id IS NOT NULL;

ALTER TABLE follow_ups DROP CONSTRAINT follow_ups_kind_check;
ALTER TABLE follow_ups ADD CONSTRAINT follow_ups_kind_check CHECK (kind IN (
  'outcome', 'update', 'feedback_due', 'thank_you', 'check_in', 'debrief', 'client_feedback', 'client_update',
  'reply', 'reach_another_way', 'stay_in_touch', 'backfill', 'decision_due', 'placement_check_in'));

ALTER TABLE placements ENABLE ROW LEVEL SECURITY;
ALTER TABLE placements FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON placements USING (app_is_system() OR org_id = app_org_id())
  WITH CHECK (app_is_system() OR org_id = app_org_id());
GRANT SELECT, INSERT, UPDATE, DELETE ON placements TO hearback_app, hearback_system;
-- Interviewers see no agency records.
CREATE POLICY interviewer_scope ON placements AS RESTRICTIVE
  USING (app_is_system() OR app_member_role() IS DISTINCT FROM 'interviewer');
