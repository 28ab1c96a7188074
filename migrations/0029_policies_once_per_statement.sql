-- Issue #19, ten times the data (BENCHMARKS.md, F13).
--
-- 1. Row-level security read once per statement. Each policy called app_is_system(),
--    app_org_id(), app_member_role() and app_member_id() for every row it checked: a GUC read, a
--    text-to-uuid cast and a comparison per row and per policy. A year's report of the largest
--    organization at 10M follow-ups checks about three million rows, and the calls were 3.5 of its
--    10.8 seconds. Wrapped in a scalar subquery, each call is an init plan: evaluated once per
--    statement, then compared as a parameter. Same values, same meaning: the settings do not
--    change inside a statement. Rewriting the policies' own text keeps this to one rule for all
--    of them; test/rls-policies.db.test.ts refuses a policy that calls them bare.
DO $$
DECLARE
  p record;
  per_row constant text := '(?<!SELECT )((public\.)?app_(is_system|org_id|member_id|member_role)\(\))';
  stmt text;
BEGIN
  FOR p IN SELECT tablename, policyname, qual, with_check FROM pg_policies WHERE schemaname = 'public' LOOP
    stmt := format('ALTER POLICY %I ON %I', p.policyname, p.tablename);
    IF p.qual IS NOT NULL THEN
      stmt := stmt || format(' USING (%s)', regexp_replace(p.qual, per_row, '(SELECT \1)', 'g'));
    END IF;
    IF p.with_check IS NOT NULL THEN
      stmt := stmt || format(' WITH CHECK (%s)', regexp_replace(p.with_check, per_row, '(SELECT \1)', 'g'));
    END IF;
    EXECUTE stmt;
  END LOOP;
END
$$;

-- 2. The report's cohort read in application order from covering indexes. The report reads, for
--    each application first interviewed in the period, its interviews, its job and its outcome
--    follow-ups. Through the plain indexes each was a heap row on a page of its own (an
--    organization's rows are spread over the whole table): 5.5M of the 7.9M buffers of a year's
--    report. These hold what the report reads, ordered by application within the organization,
--    so the reads are index-only and the joins merge them (src/repositories/report.repository.ts).
--    Heap-only updates stay as they were: an update that changes a column these add (done_at,
--    cancel_reason, promised_due_at) also changes the status or a due time, which other indexes
--    already hold; job_id and created_at do not change.
CREATE INDEX interviews_report_idx ON interviews (org_id, application_id, closed_at)
  WHERE closed_at IS NOT NULL AND submission_id IS NULL;
CREATE INDEX follow_ups_outcome_report_idx ON follow_ups (org_id, application_id)
  INCLUDE (status, created_at, done_at, due_at, promised_due_at, cancel_reason, owner_id)
  WHERE kind = 'outcome';
CREATE INDEX applications_org_job_idx ON applications (org_id, id) INCLUDE (job_id);
