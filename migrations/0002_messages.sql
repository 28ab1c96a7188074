-- Messages: the outbox and everything that keeps promises — reminders, automatic updates,
-- escalations, digests — plus editable templates, the dev mailbox and an event log.

-- Per-job policy overrides (validated by the application against PolicySchema).
ALTER TABLE jobs ADD COLUMN policy_overrides jsonb NOT NULL DEFAULT '{}'::jsonb;
-- Final-stage candidates hear the outcome by phone first.
ALTER TABLE applications ADD COLUMN final_stage boolean NOT NULL DEFAULT false;
-- Advice for the future, the third part of a good rejection.
ALTER TABLE decisions ADD COLUMN recommendation text NOT NULL DEFAULT '';

-- The ladder's state on each follow-up; next_action_at is when the sweep must look again.
ALTER TABLE follow_ups ADD COLUMN next_action_at timestamptz;
ALTER TABLE follow_ups ADD COLUMN reminded_at timestamptz;
ALTER TABLE follow_ups ADD COLUMN breached_at timestamptz;
ALTER TABLE follow_ups ADD COLUMN updates_sent integer NOT NULL DEFAULT 0;
UPDATE follow_ups SET next_action_at = created_at WHERE status = 'open' AND kind = 'outcome';
CREATE INDEX follow_ups_next_action_idx ON follow_ups (next_action_at) WHERE status = 'open';

CREATE TABLE templates (
  org_id uuid NOT NULL REFERENCES organizations (id),
  key text NOT NULL,
  subject text NOT NULL,
  body text NOT NULL,
  updated_at timestamptz NOT NULL,
  PRIMARY KEY (org_id, key)
);

CREATE TABLE messages (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  org_id uuid NOT NULL REFERENCES organizations (id),
  application_id uuid,
  -- The follow-up this message answers: delivering it closes the follow-up.
  follow_up_id uuid,
  decision_id uuid,
  kind text NOT NULL CHECK (kind IN ('outcome', 'update', 'reminder', 'escalation', 'digest', 'job_closed',
                                     'status_link', 'failure_alert')),
  audience text NOT NULL CHECK (audience IN ('candidate', 'member')),
  to_member_id uuid,
  to_address text NOT NULL,
  to_name text NOT NULL DEFAULT '',
  reply_to text,
  subject text NOT NULL,
  body_text text NOT NULL,
  body_html text NOT NULL,
  -- Sent by the system on its own (Auto-Submitted: auto-generated) rather than by a person.
  automatic boolean NOT NULL,
  status text NOT NULL CHECK (status IN ('draft', 'scheduled', 'sending', 'sent', 'failed', 'cancelled')),
  send_at timestamptz,
  attempts integer NOT NULL DEFAULT 0,
  lease_until timestamptz,
  last_error text,
  -- RFC 5322 Message-ID, fixed at creation so every retry carries the same one.
  message_id text NOT NULL UNIQUE,
  in_reply_to text,
  "references" text[] NOT NULL DEFAULT '{}',
  check_kind text,
  findings jsonb NOT NULL DEFAULT '[]'::jsonb,
  override_reason text,
  cancel_reason text,
  created_by uuid,
  sent_at timestamptz,
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  UNIQUE (org_id, id),
  FOREIGN KEY (org_id, application_id) REFERENCES applications (org_id, id),
  FOREIGN KEY (org_id, follow_up_id) REFERENCES follow_ups (org_id, id),
  FOREIGN KEY (org_id, decision_id) REFERENCES decisions (org_id, id),
  FOREIGN KEY (org_id, to_member_id) REFERENCES members (org_id, id),
  FOREIGN KEY (org_id, created_by) REFERENCES members (org_id, id),
  CHECK (audience <> 'candidate' OR application_id IS NOT NULL),
  CHECK (status <> 'scheduled' OR send_at IS NOT NULL)
);
-- The dispatcher's two claims: scheduled rows that are due, and sending rows whose lease expired.
CREATE INDEX messages_scheduled_idx ON messages (send_at) WHERE status = 'scheduled';
CREATE INDEX messages_lease_idx ON messages (lease_until) WHERE status = 'sending';
CREATE INDEX messages_application_idx ON messages (org_id, application_id, created_at);
CREATE INDEX messages_follow_up_idx ON messages (org_id, follow_up_id) WHERE follow_up_id IS NOT NULL;

-- Every step the system takes on its own (and every override) is recorded.
CREATE TABLE events (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  org_id uuid NOT NULL REFERENCES organizations (id),
  type text NOT NULL,
  application_id uuid,
  follow_up_id uuid,
  message_id uuid,
  member_id uuid,
  data jsonb NOT NULL DEFAULT '{}'::jsonb,
  at timestamptz NOT NULL
);
CREATE INDEX events_org_at_idx ON events (org_id, at);
CREATE INDEX events_application_idx ON events (org_id, application_id, at) WHERE application_id IS NOT NULL;

-- One digest per member per local day.
CREATE TABLE digests (
  org_id uuid NOT NULL REFERENCES organizations (id),
  member_id uuid NOT NULL,
  local_date text NOT NULL,
  created_at timestamptz NOT NULL,
  PRIMARY KEY (org_id, member_id, local_date),
  FOREIGN KEY (org_id, member_id) REFERENCES members (org_id, id)
);

-- The development mailbox: what the dev transport "delivered".
CREATE TABLE dev_mailbox (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  org_id uuid NOT NULL REFERENCES organizations (id),
  message_id text NOT NULL,
  envelope_to text NOT NULL,
  headers jsonb NOT NULL,
  subject text NOT NULL,
  body_text text NOT NULL,
  body_html text NOT NULL,
  delivered_at timestamptz NOT NULL
);
CREATE INDEX dev_mailbox_org_idx ON dev_mailbox (org_id, delivered_at);
