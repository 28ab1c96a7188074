-- The sweep claims one organization's due follow-ups at a time (BENCHMARKS.md, finding F1):
-- after finding the organization whose step has waited longest, it reads that organization's due
-- outcome follow-ups in order.
CREATE INDEX follow_ups_org_next_action_idx ON follow_ups (org_id, next_action_at)
  WHERE status = 'open' AND kind = 'outcome';

-- The closure report picks interviews closed in a period (finding F4): without this index the
-- period was a recheck after scanning every interview of the organization.
CREATE INDEX interviews_org_closed_idx ON interviews (org_id, closed_at) WHERE closed_at IS NOT NULL;
