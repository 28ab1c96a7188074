-- A job's stages (issue #17): the ordered list of steps its candidates move through, which the
-- pipeline shows as its columns left to right. An application's stage stays free text: one not
-- in its job's list is kept and shown in its own column after the job's stages.
ALTER TABLE jobs ADD COLUMN stages text[] NOT NULL
  DEFAULT ARRAY['applied', 'screen', 'interview', 'final', 'offer']::text[];
ALTER TABLE jobs ADD CONSTRAINT jobs_stages_check
  CHECK (cardinality(stages) BETWEEN 1 AND 20 AND array_position(stages, NULL) IS NULL);

-- Existing jobs keep the board they had: the default list, then every other stage their
-- applications use, in the order it was first entered, compared without case (spelt as first entered).
-- Only names the API would accept (1–60 characters) and at most 20 in all; any other stage still
-- shows, in a column after the job's stages.
ALTER TABLE jobs NO FORCE ROW LEVEL SECURITY;
ALTER TABLE applications NO FORCE ROW LEVEL SECURITY;
UPDATE jobs j SET stages = (j.stages || extra.stages)[1:20]
  FROM (
    SELECT s.org_id, s.job_id, array_agg(s.stage ORDER BY s.first_used, s.stage COLLATE "C") AS stages
      FROM (
        SELECT a.org_id, a.job_id,
               (array_agg(btrim(a.stage) ORDER BY coalesce(a.stage_changed_at, a.created_at), a.id))[1] AS stage,
               min(coalesce(a.stage_changed_at, a.created_at)) AS first_used
          FROM applications a
         WHERE char_length(btrim(a.stage)) BETWEEN 1 AND 60
           AND lower(btrim(a.stage)) <> ALL (ARRAY['applied', 'screen', 'interview', 'final', 'offer'])
         GROUP BY a.org_id, a.job_id, lower(btrim(a.stage))
      ) s
     GROUP BY s.org_id, s.job_id
  ) extra
 WHERE extra.org_id = j.org_id AND extra.job_id = j.id;
ALTER TABLE jobs FORCE ROW LEVEL SECURITY;
ALTER TABLE applications FORCE ROW LEVEL SECURITY;

-- Where a candidate came from (a referral, a job board, an agency, sourced, the careers site …),
-- as the team writes it. It may name a person ("referred by Ana"): erasure clears it.
ALTER TABLE candidates ADD COLUMN source text;
ALTER TABLE candidates ADD CONSTRAINT candidates_source_check CHECK (char_length(source) BETWEEN 1 AND 100);
