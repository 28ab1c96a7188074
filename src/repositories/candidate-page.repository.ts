import type { Queryable } from '../db/db.ts';
import { containsPattern } from '../db/sql.ts';

/** A status link to store, by the hash of its token. */
export interface NewStatusLink {
  orgId: string;
  applicationId: string;
  tokenHash: string;
  createdAt: Date;
}

/** Store a status link by the hash of its token. */
export async function insertStatusLink(q: Queryable, l: NewStatusLink): Promise<void> {
  await insertStatusLinks(q, [l]);
}

/** Store status links in one statement. */
export async function insertStatusLinks(q: Queryable, links: NewStatusLink[]): Promise<void> {
  if (links.length === 0) return;
  await q.query(
    `INSERT INTO status_links (org_id, application_id, token_hash, created_at)
     SELECT org_id, application_id, token_hash, created_at
       FROM jsonb_to_recordset($1::jsonb) AS l(org_id uuid, application_id uuid, token_hash text, created_at timestamptz)`,
    [
      JSON.stringify(
        links.map((l) => ({
          org_id: l.orgId,
          application_id: l.applicationId,
          token_hash: l.tokenHash,
          created_at: l.createdAt,
        })),
      ),
    ],
  );
}

/** What a link or a candidate session leads to. */
export interface CandidateAccess {
  orgId: string;
  applicationId: string;
  statusLinkId: string;
  revokedAt: Date | null;
  applicationUpdatedAt: Date;
  erasedAt: Date | null;
  /** When the link was created. */
  linkCreatedAt: Date;
  /** Whether a newer link of the same application exists (the newest supersedes the older ones). */
  superseded: boolean;
  /** When the candidate session was opened; null when looking up a link. */
  sessionCreatedAt: Date | null;
}

interface AccessRow {
  org_id: string;
  application_id: string;
  status_link_id: string;
  revoked_at: Date | null;
  updated_at: Date;
  erased_at: Date | null;
  link_created_at: Date;
  superseded: boolean;
  session_created_at?: Date | null;
}

const toAccess = (r: AccessRow): CandidateAccess => ({
  orgId: r.org_id,
  applicationId: r.application_id,
  statusLinkId: r.status_link_id,
  revokedAt: r.revoked_at,
  applicationUpdatedAt: r.updated_at,
  erasedAt: r.erased_at,
  linkCreatedAt: r.link_created_at,
  superseded: r.superseded,
  sessionCreatedAt: r.session_created_at ?? null,
});

const ACCESS = `
  SELECT l.org_id, l.application_id, l.id AS status_link_id, l.revoked_at, a.updated_at, c.erased_at,
         l.created_at AS link_created_at,
         EXISTS (SELECT 1 FROM status_links n
                  WHERE n.org_id = l.org_id AND n.application_id = l.application_id
                    AND n.created_at > l.created_at) AS superseded
    FROM status_links l
    JOIN applications a ON a.org_id = l.org_id AND a.id = l.application_id
    JOIN candidates c ON c.org_id = a.org_id AND c.id = a.candidate_id`;

/** The link with this token hash, in any organization (the token is what identifies it). */
export async function findStatusLinkByHash(q: Queryable, tokenHash: string): Promise<CandidateAccess | null> {
  const [row] = await q.query<AccessRow>(`${ACCESS} WHERE l.token_hash = $1`, [tokenHash]);
  return row ? toAccess(row) : null;
}

/** The link behind a candidate session cookie, in any organization. */
export async function findCandidateSessionByHash(
  q: Queryable,
  tokenHash: string,
): Promise<CandidateAccess | null> {
  const [row] = await q.query<AccessRow>(
    `SELECT * FROM (${ACCESS}) x
       JOIN (SELECT org_id AS s_org_id, status_link_id AS s_link_id, created_at AS session_created_at
               FROM candidate_sessions WHERE token_hash = $1) s
         ON s.s_org_id = x.org_id AND s.s_link_id = x.status_link_id`,
    [tokenHash],
  );
  return row ? toAccess(row) : null;
}

/** Store a candidate session. */
export async function insertCandidateSession(
  q: Queryable,
  s: { orgId: string; statusLinkId: string; tokenHash: string; createdAt: Date },
): Promise<void> {
  await q.query(
    `INSERT INTO candidate_sessions (org_id, status_link_id, token_hash, created_at) VALUES ($1, $2, $3, $4)`,
    [s.orgId, s.statusLinkId, s.tokenHash, s.createdAt],
  );
}

/** Revoke every link of an application (and so every session opened with them). */
export async function revokeStatusLinks(
  q: Queryable,
  orgId: string,
  applicationId: string,
  at: Date,
): Promise<number> {
  const rows = await q.query(
    `UPDATE status_links SET revoked_at = $3 WHERE org_id = $1 AND application_id = $2 AND revoked_at IS NULL RETURNING id`,
    [orgId, applicationId, at],
  );
  return rows.length;
}

/** Record the candidate's rating (one per application; a second one replaces it). */
export async function upsertRating(
  q: Queryable,
  r: { orgId: string; applicationId: string; rating: number; comment: string; createdAt: Date },
): Promise<void> {
  await q.query(
    `INSERT INTO candidate_ratings (org_id, application_id, rating, comment, created_at) VALUES ($1, $2, $3, $4, $5)
     ON CONFLICT (org_id, application_id) DO UPDATE SET rating = excluded.rating, comment = excluded.comment,
                                                        created_at = excluded.created_at`,
    [r.orgId, r.applicationId, r.rating, r.comment, r.createdAt],
  );
}

/** The candidate's rating of an application, if any. */
export async function findRating(
  q: Queryable,
  orgId: string,
  applicationId: string,
): Promise<{ rating: number; comment: string } | null> {
  const [row] = await q.query<{ rating: number; comment: string }>(
    `SELECT rating, comment FROM candidate_ratings WHERE org_id = $1 AND application_id = $2`,
    [orgId, applicationId],
  );
  return row ?? null;
}

/** Record that the candidate confirmed their interest. */
export async function confirmInterest(
  q: Queryable,
  orgId: string,
  applicationId: string,
  at: Date,
): Promise<void> {
  await q.query(`UPDATE applications SET interest_confirmed_at = $3 WHERE org_id = $1 AND id = $2`, [
    orgId,
    applicationId,
    at,
  ]);
}

/** Schedule an erasure that a legal hold delays. */
export async function scheduleErasure(
  q: Queryable,
  orgId: string,
  candidateId: string,
  after: Date,
): Promise<void> {
  await q.query(`UPDATE candidates SET erase_after = $3 WHERE org_id = $1 AND id = $2`, [
    orgId,
    candidateId,
    after,
  ]);
}

/** Candidates whose scheduled erasure is due, across organizations. */
export async function dueErasures(
  q: Queryable,
  now: Date,
  limit: number,
): Promise<{ orgId: string; candidateId: string }[]> {
  const rows = await q.query<{ org_id: string; id: string }>(
    `SELECT org_id, id FROM candidates WHERE erase_after <= $1 AND erased_at IS NULL ORDER BY erase_after LIMIT $2`,
    [now, limit],
  );
  return rows.map((r) => ({ orgId: r.org_id, candidateId: r.id }));
}

/**
 * Erase a person: their identifying data goes from every table that holds it — the candidate
 * row; every message about their applications, to them or to members (notices quote them), and
 * those mails in the dev mailbox; touchpoint summaries, ratings' comments, events' data; the
 * team's prose about them (interview titles, feedback notes, decisions' reasons and notes); stored
 * API responses that quote them — while the de-identified facts (an application existed, a
 * promise was kept, the ratings and outcomes) stay for reports. `src/services/candidate-privacy.service.db.test.ts`
 * scans every text and jsonb column of every table afterwards. Returns the tables it changed.
 */
export async function eraseCandidateData(
  q: Queryable,
  orgId: string,
  candidateId: string,
  at: Date,
): Promise<string[]> {
  const [c] = await q.query<{ name: string; email: string | null; phone: string | null }>(
    `SELECT name, email, phone FROM candidates WHERE org_id = $1 AND id = $2`,
    [orgId, candidateId],
  );
  if (!c) return [];
  const target: ErasureTarget = {
    orgId,
    candidateId,
    at,
    email: c.email,
    identifiers: [c.name, c.email, c.phone].filter((v): v is string => !!v && v.trim().length > 0),
    applicationIds: (
      await q.query<{ id: string }>(`SELECT id FROM applications WHERE org_id = $1 AND candidate_id = $2`, [
        orgId,
        candidateId,
      ])
    ).map((r) => r.id),
  };
  // In this order: the dev mailbox's copies are found through the messages before these change.
  await eraseMailToMembers(q, target);
  await eraseTeamProse(q, target);
  await eraseStoredResponses(q, target);
  await eraseMailToCandidate(q, target);
  await eraseApplicationTraces(q, target);
  await eraseWhatTheySent(q, target);
  await q.query(
    `UPDATE candidates SET name = 'Erased candidate', email = NULL, phone = NULL, time_zone = NULL, erased_at = $3,
                           email_bounce_reason = NULL, source = NULL, erase_after = NULL, updated_at = $3
      WHERE org_id = $1 AND id = $2`,
    [orgId, candidateId, at],
  );
  return ERASURE_TABLES;
}

/** Whom an erasure is for, and what identifies them in prose (name, email, phone) and in records. */
interface ErasureTarget {
  orgId: string;
  candidateId: string;
  at: Date;
  email: string | null;
  identifiers: string[];
  applicationIds: string[];
}

/** The candidate's applications, as a subquery on $1 (org) and $2 (candidate). */
const APPLICATIONS_OF_CANDIDATE = `(SELECT id FROM applications WHERE org_id = $1 AND candidate_id = $2)`;

/** Messages to members about them, and those mails in the dev mailbox. */
async function eraseMailToMembers(q: Queryable, t: ErasureTarget): Promise<void> {
  // Mails about them to members (notices quoting their note, alerts naming them) leave the dev
  // mailbox with the messages they were sent from.
  await q.query(
    `DELETE FROM dev_mailbox WHERE org_id = $1
        AND message_id IN (SELECT message_id FROM messages WHERE org_id = $1 AND application_id IN ${APPLICATIONS_OF_CANDIDATE})`,
    [t.orgId, t.candidateId],
  );
  await q.query(
    `UPDATE messages SET subject = '[erased]', body_text = '[erased]', body_html = '[erased]',
                         status = CASE WHEN status IN ('draft', 'scheduled') THEN 'cancelled' ELSE status END,
                         cancel_reason = CASE WHEN status IN ('draft', 'scheduled') THEN 'erased' ELSE cancel_reason END,
                         updated_at = $3
      WHERE org_id = $1 AND audience <> 'candidate' AND application_id IN ${APPLICATIONS_OF_CANDIDATE}`,
    [t.orgId, t.candidateId, t.at],
  );
}

/** The team's prose about them: interview titles and promises naming them, feedback notes, decisions' reasons. */
async function eraseTeamProse(q: Queryable, t: ErasureTarget): Promise<void> {
  // The team's prose about them: the facts (ratings, outcome, recommendation) stay.
  await q.query(
    `UPDATE interviews SET title = 'Interview' WHERE org_id = $1 AND application_id IN ${APPLICATIONS_OF_CANDIDATE}`,
    [t.orgId, t.candidateId],
  );
  await q.query(
    `UPDATE interviews SET promise_statement = '[erased]'
      WHERE org_id = $1 AND application_id IN ${APPLICATIONS_OF_CANDIDATE} AND promise_statement ILIKE ANY ($3::text[])`,
    [t.orgId, t.candidateId, t.identifiers.map(containsPattern)],
  );
  await q.query(
    `UPDATE feedback SET notes = '' WHERE org_id = $1
        AND interview_id IN (SELECT id FROM interviews WHERE org_id = $1 AND application_id IN ${APPLICATIONS_OF_CANDIDATE})`,
    [t.orgId, t.candidateId],
  );
  await q.query(
    `UPDATE feedback_versions SET notes = '' WHERE org_id = $1
        AND interview_id IN (SELECT id FROM interviews WHERE org_id = $1 AND application_id IN ${APPLICATIONS_OF_CANDIDATE})`,
    [t.orgId, t.candidateId],
  );
  // Drafts never submitted are nobody's record yet: they go whole.
  await q.query(
    `DELETE FROM feedback_drafts WHERE org_id = $1
        AND interview_id IN (SELECT id FROM interviews WHERE org_id = $1 AND application_id IN ${APPLICATIONS_OF_CANDIDATE})`,
    [t.orgId, t.candidateId],
  );
  await q.query(
    `UPDATE decisions SET reasons = '[]'::jsonb, notes = '', recommendation = ''
      WHERE org_id = $1 AND application_id IN ${APPLICATIONS_OF_CANDIDATE}`,
    [t.orgId, t.candidateId],
  );
}

/** Stored API responses (Idempotency-Key replays) that name them or their records. */
async function eraseStoredResponses(q: Queryable, t: ErasureTarget): Promise<void> {
  await q.query(`DELETE FROM idempotency_keys WHERE org_id = $1 AND response::text ILIKE ANY ($2::text[])`, [
    t.orgId,
    [...t.identifiers, t.candidateId, ...t.applicationIds].map(containsPattern),
  ]);
}

/** Messages to them and what they wrote to the team, calendar invitations naming them, their mail in the dev mailbox. */
async function eraseMailToCandidate(q: Queryable, t: ErasureTarget): Promise<void> {
  await q.query(
    `UPDATE messages SET to_address = 'erased@invalid', to_name = '', subject = '[erased]', body_text = '[erased]',
                         body_html = '[erased]', status = CASE WHEN status IN ('draft', 'scheduled') THEN 'cancelled' ELSE status END,
                         cancel_reason = CASE WHEN status IN ('draft', 'scheduled') THEN 'erased' ELSE cancel_reason END,
                         updated_at = $3
      WHERE org_id = $1 AND audience = 'candidate' AND application_id IN ${APPLICATIONS_OF_CANDIDATE}`,
    [t.orgId, t.candidateId, t.at],
  );
  // What they wrote, forwarded to the team (replies, notes), goes with them.
  await q.query(
    `UPDATE messages SET body_text = '[erased]', body_html = '[erased]', subject = '[erased]', updated_at = $3
      WHERE org_id = $1 AND application_id IN ${APPLICATIONS_OF_CANDIDATE} AND kind IN ('reply_notice', 'candidate_note')`,
    [t.orgId, t.candidateId, t.at],
  );
  // Calendar invitations name the candidate as an attendee, also in the interviewers' copies.
  await q.query(
    `UPDATE messages SET ics = NULL, ics_method = NULL WHERE org_id = $1 AND application_id IN ${APPLICATIONS_OF_CANDIDATE} AND ics IS NOT NULL`,
    [t.orgId, t.candidateId],
  );
  if (t.email) {
    await q.query(
      `UPDATE dev_mailbox SET ics = NULL WHERE org_id = $1 AND strpos(lower(ics), lower($2)) > 0`,
      [t.orgId, t.email],
    );
    await q.query(`DELETE FROM dev_mailbox WHERE org_id = $1 AND lower(envelope_to) = lower($2)`, [
      t.orgId,
      t.email,
    ]);
  }
}

/** Touchpoint summaries, rating comments, event data; their status links are revoked. */
async function eraseApplicationTraces(q: Queryable, t: ErasureTarget): Promise<void> {
  await q.query(
    `UPDATE touchpoints SET summary = '' WHERE org_id = $1 AND application_id IN ${APPLICATIONS_OF_CANDIDATE}`,
    [t.orgId, t.candidateId],
  );
  await q.query(
    `UPDATE candidate_ratings SET comment = '' WHERE org_id = $1 AND application_id IN ${APPLICATIONS_OF_CANDIDATE}`,
    [t.orgId, t.candidateId],
  );
  await q.query(
    `UPDATE events SET data = '{}'::jsonb WHERE org_id = $1 AND application_id IN ${APPLICATIONS_OF_CANDIDATE}`,
    [t.orgId, t.candidateId],
  );
  await q.query(
    `UPDATE status_links SET revoked_at = coalesce(revoked_at, $3) WHERE org_id = $1 AND application_id IN ${APPLICATIONS_OF_CANDIDATE}`,
    [t.orgId, t.candidateId, t.at],
  );
}

/** Mail they sent us, their talent-pool answers, and their name in queued webhook payloads. */
async function eraseWhatTheySent(q: Queryable, t: ErasureTarget): Promise<void> {
  await q.query(
    `UPDATE inbound_emails SET from_address = 'erased@invalid', from_name = '', subject = '[erased]',
                               body_text = '[erased]', full_text = '[erased]', to_addresses = '{}',
                               attachments = '[]'::jsonb, bounce = NULL, rfc_message_id = NULL
      WHERE org_id = $1 AND (application_id IN ${APPLICATIONS_OF_CANDIDATE} OR ($3::text IS NOT NULL AND lower(from_address) = lower($3)))`,
    [t.orgId, t.candidateId, t.email],
  );
  await q.query(`DELETE FROM pool_memberships WHERE org_id = $1 AND candidate_id = $2`, [
    t.orgId,
    t.candidateId,
  ]);
  await q.query(
    `UPDATE webhook_deliveries SET payload = jsonb_set(payload, '{data,candidate,name}', '"Erased candidate"')
      WHERE org_id = $1 AND payload #>> '{data,candidate,id}' = $2::text`,
    [t.orgId, t.candidateId],
  );
}

/** The tables an erasure rewrites: on PostgreSQL they are vacuumed after it. */
export const ERASURE_TABLES = [
  'candidates',
  'messages',
  'dev_mailbox',
  'touchpoints',
  'candidate_ratings',
  'events',
  'interviews',
  'feedback',
  'feedback_versions',
  'feedback_drafts',
  'decisions',
  'idempotency_keys',
];

/**
 * VACUUM tables after an erasure (PostgreSQL only, outside any transaction): the old row versions
 * that still hold the erased person are removed from the table files now, not at autovacuum's
 * leisure. Needs the tables' owner — the role that ran the migrations.
 */
export async function vacuumTables(q: Queryable, tables: readonly string[]): Promise<void> {
  if (tables.length === 0) return;
  await q.query(`VACUUM ${tables.map((t) => `"${t.replace(/"/g, '')}"`).join(', ')}`);
}
