-- Connected (issue 18), part 1: replies come back in, and interviews reach calendars.

-- New follow-up kinds: a reply that waits for the team's answer, a bounced address that needs
-- another way to reach the candidate, and the talent pool's periodic contact.
ALTER TABLE follow_ups DROP CONSTRAINT follow_ups_kind_check;
ALTER TABLE follow_ups ADD CONSTRAINT follow_ups_kind_check CHECK (kind IN (
  'outcome', 'update', 'feedback_due', 'thank_you', 'check_in', 'debrief', 'client_feedback', 'client_update',
  'reply', 'reach_another_way', 'stay_in_touch'));

ALTER TABLE messages DROP CONSTRAINT messages_kind_check;
ALTER TABLE messages ADD CONSTRAINT messages_kind_check CHECK (kind IN (
  'outcome', 'update', 'reminder', 'escalation', 'digest', 'job_closed', 'status_link', 'failure_alert',
  'sign_in', 'invite', 'candidate_note', 'invitation', 'reply_notice', 'pool_invite'));

-- The reply address: a per-message token in the Reply-To (plus-addressing). Only its SHA-256 is
-- kept once the message is sent; the plain token lives in reply_to until then.
ALTER TABLE messages ADD COLUMN reply_token_hash text UNIQUE;
-- A calendar invitation travels with its message (text/calendar part): REQUEST or CANCEL.
ALTER TABLE messages ADD COLUMN ics_method text CHECK (ics_method IN ('REQUEST', 'CANCEL'));
ALTER TABLE messages ADD COLUMN ics text;
ALTER TABLE messages ADD CONSTRAINT messages_ics_check CHECK ((ics IS NULL) = (ics_method IS NULL));
ALTER TABLE dev_mailbox ADD COLUMN ics text;

-- A hard bounce marks the address; changing the address clears the mark.
ALTER TABLE candidates ADD COLUMN email_bounced_at timestamptz;
ALTER TABLE candidates ADD COLUMN email_bounce_reason text;

-- The candidate wrote and nobody has answered yet: automatic updates wait for a person.
ALTER TABLE applications ADD COLUMN awaiting_reply_since timestamptz;

-- Every email that came in, matched or not. Only plain text is kept (quoted history and
-- signature stripped in body_text; the whole text part, capped, in full_text): HTML is never
-- stored, so it can never be rendered. Attachments are listed, not kept.
CREATE TABLE inbound_emails (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  -- NULL while the mail is routed to no organization (nobody can see it then).
  org_id uuid REFERENCES organizations (id),
  application_id uuid,
  -- Our message it answers, when matched.
  message_id uuid,
  source text NOT NULL CHECK (source IN ('smtp', 'imap', 'api')),
  classification text NOT NULL CHECK (classification IN ('reply', 'auto_reply', 'bounce')),
  matched_by text NOT NULL CHECK (matched_by IN ('token', 'message_id', 'sender', 'assigned', 'none')),
  status text NOT NULL CHECK (status IN ('processed', 'unassigned', 'dismissed', 'unrouted')),
  from_address text NOT NULL,
  from_name text NOT NULL DEFAULT '',
  to_addresses text[] NOT NULL DEFAULT '{}',
  subject text NOT NULL DEFAULT '',
  rfc_message_id text,
  body_text text NOT NULL DEFAULT '',
  full_text text NOT NULL DEFAULT '',
  attachments jsonb NOT NULL DEFAULT '[]'::jsonb,
  size_bytes integer NOT NULL,
  bounce jsonb,
  -- SHA-256 of the raw message: the same mail delivered twice (an IMAP poll repeated after a
  -- crash, an MX retry) is recorded once.
  raw_hash text NOT NULL UNIQUE,
  touchpoint_id uuid,
  handled_by uuid,
  handled_at timestamptz,
  received_at timestamptz NOT NULL,
  UNIQUE (org_id, id),
  FOREIGN KEY (org_id, application_id) REFERENCES applications (org_id, id),
  FOREIGN KEY (org_id, message_id) REFERENCES messages (org_id, id),
  FOREIGN KEY (org_id, touchpoint_id) REFERENCES touchpoints (org_id, id),
  FOREIGN KEY (org_id, handled_by) REFERENCES members (org_id, id)
);
CREATE INDEX inbound_emails_org_status_idx ON inbound_emails (org_id, status, received_at, id);
CREATE INDEX inbound_emails_application_idx ON inbound_emails (org_id, application_id, received_at)
  WHERE application_id IS NOT NULL;

-- Where the IMAP poller is in each mailbox (deployment-wide, not a tenant's).
CREATE TABLE imap_cursors (
  mailbox text PRIMARY KEY,
  uid_validity text NOT NULL,
  last_uid bigint NOT NULL,
  updated_at timestamptz NOT NULL
);

-- Calendar: an interview can be moved or cancelled; every change bumps the SEQUENCE its
-- invitations carry (RFC 5545), under one UID.
ALTER TABLE interviews ADD COLUMN location text NOT NULL DEFAULT '';
ALTER TABLE interviews ADD COLUMN cancelled_at timestamptz;
ALTER TABLE interviews ADD COLUMN ics_sequence integer NOT NULL DEFAULT 0;
ALTER TABLE interviews ADD COLUMN invitations_sent boolean NOT NULL DEFAULT false;
ALTER TABLE interviews ADD COLUMN updated_at timestamptz;
CREATE INDEX interviews_org_scheduled_idx ON interviews (org_id, scheduled_at) WHERE scheduled_at IS NOT NULL;

-- A member's private calendar feed: the URL carries a 256-bit token, stored hashed; revocable.
CREATE TABLE calendar_feeds (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  org_id uuid NOT NULL REFERENCES organizations (id),
  member_id uuid NOT NULL,
  token_hash text NOT NULL UNIQUE,
  created_at timestamptz NOT NULL,
  revoked_at timestamptz,
  UNIQUE (org_id, id),
  FOREIGN KEY (org_id, member_id) REFERENCES members (org_id, id)
);
CREATE UNIQUE INDEX calendar_feeds_one_active_idx ON calendar_feeds (org_id, member_id) WHERE revoked_at IS NULL;

DO $$
DECLARE
  t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['inbound_emails', 'calendar_feeds'] LOOP
    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
    EXECUTE format('ALTER TABLE %I FORCE ROW LEVEL SECURITY', t);
    EXECUTE format('CREATE POLICY tenant_isolation ON %I USING (app_is_system() OR org_id = app_org_id())
                    WITH CHECK (app_is_system() OR org_id = app_org_id())', t);
    EXECUTE format('GRANT SELECT, INSERT, UPDATE, DELETE ON %I TO hearback_app, hearback_system', t);
  END LOOP;
END
$$;
-- Interviewers see no mail (like messages).
CREATE POLICY interviewer_scope ON inbound_emails AS RESTRICTIVE
  USING (app_is_system() OR app_member_role() IS DISTINCT FROM 'interviewer');
-- The poller's position is the system's alone.
ALTER TABLE imap_cursors ENABLE ROW LEVEL SECURITY;
ALTER TABLE imap_cursors FORCE ROW LEVEL SECURITY;
CREATE POLICY system_only ON imap_cursors USING (app_is_system()) WITH CHECK (app_is_system());
GRANT SELECT, INSERT, UPDATE, DELETE ON imap_cursors TO hearback_system;
