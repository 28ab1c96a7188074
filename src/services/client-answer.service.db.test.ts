import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../clock.ts';
import type { Db } from '../db/db.ts';
import { backends, openTestDb } from '../../test/support/db.ts';
import { buildCandidate, buildMember, buildOrganization } from '../../test/support/factories.ts';
import { createClient, createClientContact, createJobOrder, createSubmission } from './agency.service.ts';
import { hashToken } from './secret-tokens.ts';
import { mintClientAnswerToken } from './client-answer-links.ts';
import { answerThroughLink, getClientPage, revokeClientLinks } from './client-answer.service.ts';

const identity = { from: { name: 'Hearback', address: 'hb@example.test' }, domain: 'example.test' };

/**
 * The client answer links' store on a real database: tokens are stored only as their hash, each
 * row belongs to its organization under row-level security, two answers racing on one link record
 * one, and revoking touches only links that have not answered.
 */
describe.each(backends)('the client answer link store on %s', (backend) => {
  let db: Db;
  const clock = new ManualClock('2026-12-01T15:00:00Z');
  beforeAll(async () => {
    db = await openTestDb(backend);
  });
  afterAll(async () => {
    await db.close();
  });

  async function submission() {
    const deps = { db, clock, identity, publicUrl: 'https://hb.example' };
    const { organization } = await buildOrganization(deps, {
      policy: { timeZone: 'America/New_York', holidays: null },
    });
    const orgId = organization.id;
    const recruiter = await buildMember(deps, orgId, { name: 'Rita Recruiter', role: 'recruiter' });
    const client = await createClient(deps, orgId, { name: 'Kumo Logistics' });
    const contact = await createClientContact(deps, orgId, client.id, {
      name: 'Hana Sato',
      email: 'hana@kumo.test',
    });
    const job = await createJobOrder(deps, orgId, client.id, {
      title: 'Sales Lead',
      roleKind: 'sales',
      hiringAuthorityId: contact.id,
    });
    const candidate = await buildCandidate(deps, orgId, { name: 'Lee Park' });
    const { submission, feedbackFollowUp } = await createSubmission(
      deps,
      orgId,
      { jobId: job.id, candidateId: candidate.id, pitch: 'Built the Osaka territory from nothing.' },
      { memberId: recruiter.id },
    );
    return { deps, orgId, submission, feedbackFollowUp };
  }

  it('stores only the hash, per organization, under row-level security', async () => {
    const a = await submission();
    const b = await submission();
    const token = await db
      .tenant(a.orgId)
      .transaction((tx) => mintClientAnswerToken(tx, a.orgId, a.submission.applicationId, clock.now()));
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const rows = await db.query<{ token_hash: string; expires_at: Date }>(
      `SELECT token_hash, expires_at FROM client_answer_links WHERE submission_id = $1`,
      [a.submission.id],
    );
    expect(rows).toHaveLength(1);
    expect(rows[0]!.token_hash).toBe(hashToken(token!));
    expect(rows[0]!.token_hash).not.toContain(token!);
    expect(rows[0]!.expires_at.toISOString()).toBe('2026-12-31T15:00:00.000Z');
    // Another organization's tenant sees none of it, and cannot write a link onto it.
    expect(await db.tenant(b.orgId).query(`SELECT id FROM client_answer_links`)).toHaveLength(0);
    await expect(
      db.tenant(b.orgId).query(
        `INSERT INTO client_answer_links (org_id, submission_id, token_hash, created_at, expires_at)
           VALUES ($1, $2, 'x', now(), now() + interval '1 day')`,
        [a.orgId, a.submission.id],
      ),
    ).rejects.toThrow();
    // An application that is no submission gets no link.
    expect(
      await db
        .tenant(a.orgId)
        .transaction((tx) => mintClientAnswerToken(tx, a.orgId, b.submission.applicationId, clock.now())),
    ).toBeNull();
  });

  it('records one answer when two race on one link, and revokes only links not used', async () => {
    const a = await submission();
    const mint = () =>
      db
        .tenant(a.orgId)
        .transaction((tx) => mintClientAnswerToken(tx, a.orgId, a.submission.applicationId, clock.now()));
    const first = (await mint())!;
    const second = (await mint())!;
    const results = await Promise.allSettled([
      answerThroughLink(a.deps, first, { answer: 'interview' }),
      answerThroughLink(a.deps, first, { answer: 'interview' }),
    ]);
    const recorded = results.filter((r) => r.status === 'fulfilled' && r.value.recorded);
    expect(recorded).toHaveLength(1);
    const touchpoints = await db.query(
      `SELECT id FROM touchpoints WHERE application_id = $1 AND kind = 'client_feedback'`,
      [a.submission.applicationId],
    );
    expect(touchpoints).toHaveLength(1);
    expect(await revokeClientLinks(a.deps, a.orgId, a.submission.id)).toEqual({ revoked: 1 });
    expect((await getClientPage(a.deps, first)).state).toBe('used');
    expect((await getClientPage(a.deps, second)).state).toBe('revoked');
  });
});
