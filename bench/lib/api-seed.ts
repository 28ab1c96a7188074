import type { Db } from '../../src/db/db.ts';

/** A POST to the API under test that answers the created resource's JSON. */
export type Post = <T>(path: string, body: unknown) => Promise<T>;

/**
 * The people and the job of an API benchmark through the API, and `count` open interviews in bulk
 * (SQL), so the setup takes seconds and every close in the load closes a fresh interview.
 * Returns the recruiter (who owns the follow-ups the closes open) and the job.
 */
export async function seedOpenInterviews(
  db: Db,
  post: Post,
  orgId: string,
  domain: string,
  count: number,
  now: Date,
): Promise<{ recruiter: { id: string }; job: { id: string } }> {
  const recruiter = await post<{ id: string }>('/members', {
    email: `rita@${domain}`,
    name: 'Rita Recruiter',
    role: 'recruiter',
  });
  const manager = await post<{ id: string }>('/members', {
    email: `hank@${domain}`,
    name: 'Hank Manager',
    role: 'hiring_manager',
  });
  const job = await post<{ id: string }>('/jobs', {
    title: 'Backend Engineer',
    roleKind: 'technical',
    recruiterId: recruiter.id,
    hiringManagerId: manager.id,
  });
  await db.query(
    `WITH c AS (
       INSERT INTO candidates (org_id, name, email, created_at, updated_at)
       SELECT $1, 'Candidate ' || g, 'candidate' || g || '@mail.example', $3, $3 FROM generate_series(1, $4) g
       RETURNING id),
     ap AS (
       INSERT INTO applications (org_id, job_id, candidate_id, stage, created_at, updated_at)
       SELECT $1, $2, id, 'interview', $3, $3 FROM c RETURNING id)
     INSERT INTO interviews (org_id, application_id, title, scheduled_at, ends_at, created_at)
     SELECT $1, id, 'Final interview', $3::timestamptz - interval '1 hour', $3, $3 FROM ap`,
    [orgId, job.id, now, count],
  );
  await db.query('ANALYZE');
  return { recruiter, job };
}
