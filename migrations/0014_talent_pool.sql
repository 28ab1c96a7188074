-- Connected (issue 18), part 3: the talent pool — runners-up who chose to stay in touch.

-- One membership per candidate: invited by the team, answered by the candidate on their page,
-- for what (interests) and until when (consent_until). Expiry removes them and erases what the
-- policy says.
CREATE TABLE pool_memberships (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  org_id uuid NOT NULL REFERENCES organizations (id),
  candidate_id uuid NOT NULL,
  -- The application they were rejected from (or whose role closed); stay_in_touch follow-ups
  -- hang off it.
  application_id uuid NOT NULL,
  status text NOT NULL CHECK (status IN ('invited', 'opted_in', 'declined', 'expired', 'removed')),
  -- What the team offers to keep them posted about, and what the candidate chose.
  offer text NOT NULL DEFAULT '',
  interests text NOT NULL DEFAULT '',
  tags text[] NOT NULL DEFAULT '{}',
  cadence_days integer NOT NULL CHECK (cadence_days BETWEEN 7 AND 730),
  consent_months integer CHECK (consent_months BETWEEN 1 AND 36),
  consent_until timestamptz,
  owner_id uuid NOT NULL,
  invited_at timestamptz NOT NULL,
  responded_at timestamptz,
  ended_at timestamptz,
  updated_at timestamptz NOT NULL,
  UNIQUE (org_id, id),
  UNIQUE (org_id, candidate_id),
  FOREIGN KEY (org_id, candidate_id) REFERENCES candidates (org_id, id),
  FOREIGN KEY (org_id, application_id) REFERENCES applications (org_id, id),
  FOREIGN KEY (org_id, owner_id) REFERENCES members (org_id, id),
  CHECK (status <> 'opted_in' OR consent_until IS NOT NULL)
);
CREATE INDEX pool_memberships_tags_idx ON pool_memberships USING gin (tags);
CREATE INDEX pool_memberships_expiry_idx ON pool_memberships (consent_until) WHERE status = 'opted_in';

ALTER TABLE pool_memberships ENABLE ROW LEVEL SECURITY;
ALTER TABLE pool_memberships FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON pool_memberships USING (app_is_system() OR org_id = app_org_id())
  WITH CHECK (app_is_system() OR org_id = app_org_id());
CREATE POLICY interviewer_scope ON pool_memberships AS RESTRICTIVE
  USING (app_is_system() OR app_member_role() IS DISTINCT FROM 'interviewer');
GRANT SELECT, INSERT, UPDATE, DELETE ON pool_memberships TO hearback_app, hearback_system;
