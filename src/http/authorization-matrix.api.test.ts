import { Readable } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../clock.ts';
import type { Db } from '../db/db.ts';
import { roleAllows, scopesAllow, type Permission } from '../domain/permissions.ts';
import type { MemberRole } from '../domain/model.ts';
import { setMemberPassword } from '../services/auth.service.ts';
import { submitFeedback } from '../services/feedback.service.ts';
import { importCsv } from '../services/import.service.ts';
import { recordClientDeclaration } from '../services/client-declaration.service.ts';
import { placeSubmission } from '../services/placement.service.ts';
import { inviteToPool } from '../services/talent-pool.service.ts';
import { createEndpoint, listDeliveriesPage } from '../services/webhook.service.ts';
import { buildUnassignedMail } from '../../test/support/inbound.ts';
import { closeInterview } from '../services/interview.service.ts';
import { createApiToken } from '../services/organization.service.ts';
import { DEFAULT_POLICY } from '../domain/policy.ts';
import { backends, openTestDb } from '../../test/support/db.ts';
import {
  buildCandidate,
  buildInterviewScenario,
  buildMember,
  buildRejectionDraft,
} from '../../test/support/factories.ts';
import { buildApp } from './app.ts';
import { ROUTE_PERMISSIONS } from './route-permissions.ts';
import {
  generatedRequest,
  operationsOf,
  type FixtureIds,
  type PlannedRequest,
} from '../../test/support/openapi-requests.ts';

const PASSWORD = 'matrix passphrase 123';
import {
  createClient,
  createClientContact,
  createJobOrder,
  createSubmission,
} from '../services/agency.service.ts';

const identity = { from: { name: 'Acme', address: 'jobs@acme.test' }, domain: 'acme.test' };

type Fixture = Awaited<ReturnType<typeof buildFixture>>;

async function buildFixture(db: Db, clock: ManualClock) {
  const deps = { db, clock, identity };
  const s = await buildInterviewScenario(deps); // the hiring manager interviews; the recruiter owns
  const org = s.organization.id;
  const admin = await buildMember(deps, org, { role: 'admin' });
  const interviewer = await buildMember(deps, org, { role: 'interviewer' });
  const bystander = await buildMember(deps, org, { role: 'interviewer' });
  const { createInterview } = await import('../services/interview.service.ts');
  const interview = await createInterview(deps, org, {
    applicationId: s.application.id,
    title: 'Tech',
    interviewerIds: [interviewer.id],
  });
  const closed = await closeInterview(deps, org, s.interview.id, { statement: 'within 5 business days' });
  const feedback = await submitFeedback(
    deps,
    org,
    s.interview.id,
    { recommendation: 'yes' },
    { memberId: s.manager.id },
  );
  // Before the decision, so that the decision is delivered to it (issue 18).
  const { endpoint } = await createEndpoint(
    { ...deps, webhooks: { allowPrivateTargets: false } },
    org,
    admin.id,
    { kind: 'webhook', url: 'https://hooks.example.com/hearback', events: ['decision.recorded'] },
  );
  const { decision, draft } = await buildRejectionDraft(deps, s, {
    reasons: ['Needs deeper Kubernetes operations experience'],
    recommendation: 'Run a small cluster of your own.',
  });
  const { logTouchpoint } = await import('../services/touchpoint.service.ts');
  const note = await logTouchpoint(
    deps,
    org,
    {
      applicationId: s.application.id,
      channel: 'email',
      kind: 'note',
      fromParty: 'team',
      toParty: 'candidate',
    },
    { memberId: s.recruiter.id },
  );
  for (const m of [admin, s.recruiter, s.manager, interviewer, bystander])
    await setMemberPassword(deps, org, m.id, PASSWORD);
  // Issue 18: a mail waiting in the inbox, a webhook endpoint with a delivery, a pool invitation.
  const inboundId = await buildUnassignedMail(
    { ...deps, publicUrl: 'https://hb.acme.test', limits: { maxBytes: 100_000, maxAttachments: 5 } },
    s.candidate.email!,
  );
  const [delivery] = (await listDeliveriesPage(deps, org, endpoint.id, { limit: 1 })).items;
  await inviteToPool(deps, org, s.recruiter.id, s.application.id, { offer: 'sales roles' });
  // Tokens act as the member who created them: the admin's, and one of the interviewer's.
  const asAdmin = { memberId: admin.id };
  const read = await createApiToken(deps, org, { name: 'read', scopes: ['read'] }, asAdmin);
  const write = await createApiToken(deps, org, { name: 'write', scopes: ['write'] }, asAdmin);
  const spare = await createApiToken(deps, org, { name: 'spare', scopes: ['read'] }, asAdmin);
  const interviewerWrite = await createApiToken(
    deps,
    org,
    { name: 'mine', scopes: ['write'] },
    { memberId: interviewer.id },
  );
  // The agency desk: a client, its contact, a job order and a submission of the candidate.
  const client = await createClient(deps, org, { name: 'Client Co' });
  const contact = await createClientContact(deps, org, client.id, { name: 'Casey Contact' });
  const jobOrder = await createJobOrder(deps, org, client.id, {
    title: 'Ordered role',
    roleKind: 'sales',
    hiringAuthorityId: contact.id,
  });
  const submitted = await createSubmission(
    deps,
    org,
    { jobId: jobOrder.id, candidateId: s.candidate.id, pitch: 'Fits.' },
    { memberId: s.recruiter.id },
  );
  // The candidate's word that another agency submitted them to a second client.
  const otherClient = await createClient(deps, org, { name: 'Other Client Co' });
  const declaration = await recordClientDeclaration(
    deps,
    org,
    s.candidate.id,
    { clientId: otherClient.id, otherAgency: 'Elsewhere Ltd' },
    { memberId: s.recruiter.id },
  );
  // A placement of another candidate to the same job order.
  const placedSubmission = await createSubmission(
    deps,
    org,
    {
      jobId: jobOrder.id,
      candidateId: (await buildCandidate(deps, org, { name: 'Pat Placed' })).id,
      pitch: 'Fits.',
    },
    { memberId: s.recruiter.id },
  );
  const placement = await placeSubmission(
    deps,
    org,
    placedSubmission.submission.id,
    { startDate: '2027-01-04', fee: { kind: 'percent', percent: 20 } },
    { memberId: s.recruiter.id },
  );
  const imported = await importCsv(
    deps,
    org,
    admin.id,
    Readable.from([
      'job_title,candidate_name,candidate_email\nImported role,Ima Port,ima.port@example.com\n,No Job,\n',
    ]),
    { fileName: 'ats.csv' },
  );
  return {
    ...s,
    importRunId: imported.run.id,
    clientId: client.id,
    contactId: contact.id,
    jobOrderId: jobOrder.id,
    submissionId: submitted.submission.id,
    declarationId: declaration.id,
    placementId: placement.id,
    admin,
    interviewer,
    bystander,
    interview2: interview,
    followUpId: closed.followUp.id,
    feedbackId: feedback.id,
    decisionId: decision.decision.id,
    messageId: draft.id,
    touchpointId: note.touchpoint.id,
    readToken: read.token,
    writeToken: write.token,
    interviewerWriteToken: interviewerWrite.token,
    spareTokenId: spare.record.id,
    inboundId,
    endpointId: endpoint.id,
    deliveryId: delivery!.id,
  };
}

/** The fixture's real ids, by the name a path segment or a field gives them (see openapi-requests.ts). */
function idsOf(f: Fixture): FixtureIds {
  return {
    member: f.recruiter.id,
    interviewer: f.interviewer.id,
    owner: f.recruiter.id,
    hiringManager: f.manager.id,
    recruiter: f.recruiter.id,
    job: f.job.id,
    candidate: f.candidate.id,
    talentPool: f.candidate.id,
    application: f.application.id,
    interview: f.interview2.id,
    followUp: f.followUpId,
    decision: f.decisionId,
    message: f.messageId,
    touchpoint: f.touchpointId,
    apiToken: f.spareTokenId,
    client: f.clientId,
    clientContact: f.contactId,
    hiringAuthority: f.contactId,
    submission: f.submissionId,
    declaration: f.declarationId,
    placement: f.placementId,
    import: f.importRunId,
    inbox: f.inboundId,
    webhook: f.endpointId,
    webhookDelivery: f.deliveryId,
    key: 'update',
  };
}

/**
 * Where the generated request is not the one to make: a body the generator cannot know (a
 * statement to resolve, a template that must keep its variables, a CSV), a quieter target (a
 * bystander to rename, a spare token to revoke, a job order to submit to), or ids of the
 * interview that has feedback. Everything else is generated from the OpenAPI document.
 */
function overrides(f: Fixture): Record<string, PlannedRequest> {
  return {
    'PUT /api/v1/policy': { url: '/api/v1/policy', body: DEFAULT_POLICY },
    'PATCH /api/v1/policy': { url: '/api/v1/policy', body: { undoWindowMinutes: 5 } },
    'POST /api/v1/members': {
      url: '/api/v1/members',
      body: { email: `${crypto.randomUUID()}@x.test`, name: 'N', role: 'interviewer' },
    },
    'PATCH /api/v1/members/:id': { url: `/api/v1/members/${f.bystander.id}`, body: { name: 'Renamed' } },
    'POST /api/v1/members/:id/invite': { url: `/api/v1/members/${f.bystander.id}/invite`, body: {} },
    'POST /api/v1/jobs/:id/close': { url: `/api/v1/jobs/${f.job.id}/close`, body: { status: 'closed' } },
    'PATCH /api/v1/applications/:id': {
      url: `/api/v1/applications/${f.application.id}`,
      body: { stage: 'onsite' },
    },
    'POST /api/v1/applications/:id/decisions': {
      url: `/api/v1/applications/${f.application.id}/decisions`,
      body: { outcome: 'hold' },
    },
    'POST /api/v1/interviews/:id/close': {
      url: `/api/v1/interviews/${f.interview2.id}/close`,
      body: { statement: 'by Friday', ownerId: f.recruiter.id },
    },
    'POST /api/v1/interviews/:id/promise-preview': {
      url: `/api/v1/interviews/${f.interview2.id}/promise-preview`,
      body: { statement: 'by Friday' },
    },
    'GET /api/v1/interviews/:id/feedback': { url: `/api/v1/interviews/${f.interview.id}/feedback` },
    'GET /api/v1/interviews/:id/feedback/:interviewerId/versions': {
      url: `/api/v1/interviews/${f.interview.id}/feedback/${f.interviewer.id}/versions`,
    },
    'PUT /api/v1/interviews/:id/feedback/draft': {
      url: `/api/v1/interviews/${f.interview2.id}/feedback/draft`,
      body: { recommendation: null, notes: 'Half a thought', baseVersion: 0 },
    },
    'GET /api/v1/interviews/:id/feedback/mine': { url: `/api/v1/interviews/${f.interview.id}/feedback/mine` },
    'POST /api/v1/follow-ups': {
      url: '/api/v1/follow-ups',
      body: {
        applicationId: f.application.id,
        kind: 'debrief',
        owedBy: 'recruiter',
        owedTo: 'candidate',
        dueAt: '2027-01-05T12:00:00Z',
      },
    },
    // The new owner must be a member who can own it (an admin), not whichever id comes first.
    'POST /api/v1/follow-ups/:id/reassign': {
      url: `/api/v1/follow-ups/${f.followUpId}/reassign`,
      body: { ownerId: f.admin.id, reason: 'test' },
    },
    // A snooze ends in the future (the fixture's clock) and before the candidate's promise.
    'POST /api/v1/follow-ups/:id/snooze': {
      url: `/api/v1/follow-ups/${f.followUpId}/snooze`,
      body: { until: '2026-12-01T16:00:00Z', reason: 'test' },
    },
    'POST /api/v1/touchpoints': {
      url: '/api/v1/touchpoints',
      body: {
        applicationId: f.application.id,
        channel: 'email',
        kind: 'note',
        fromParty: 'team',
        toParty: 'candidate',
      },
    },
    'POST /api/v1/promises/resolve': {
      url: '/api/v1/promises/resolve',
      body: { text: 'by Friday', at: '2026-12-01T15:00:00Z', timeZone: 'UTC' },
    },
    'POST /api/v1/messages/check': {
      url: '/api/v1/messages/check',
      body: { kind: 'update', text: 'You will hear by Friday.' },
    },
    'PUT /api/v1/templates/:key': {
      url: '/api/v1/templates/update',
      body: { subject: 'S', body: 'New date: {{ new_date }}' },
    },
    'POST /api/v1/templates/:key/preview': {
      url: '/api/v1/templates/update/preview',
      body: { subject: 'S', body: 'B {{ new_date }}' },
    },
    'POST /api/v1/client-contacts/:id/contact-logs': {
      url: `/api/v1/client-contacts/${f.contactId}/contact-logs`,
      body: { channel: 'phone', direction: 'outbound', summary: 'Call', nextContactAt: '2027-01-05' },
    },
    'POST /api/v1/submissions': {
      url: '/api/v1/submissions',
      body: { jobId: f.jobOrderId, candidateId: f.candidate.id, pitch: 'P', consent: true },
    },
    'POST /api/v1/submissions/:id/nudges': {
      url: `/api/v1/submissions/${f.submissionId}/nudges`,
      body: { text: 'She has a competing offer.', channel: 'email', nextContactAt: '2027-01-05' },
    },
    'POST /api/v1/submissions/:id/client-interviews': {
      url: `/api/v1/submissions/${f.submissionId}/client-interviews`,
      // The clock stands still: the interview took place the moment the submission was made.
      body: { at: '2026-12-01T15:00:00Z', interviewers: ['Dana Cole'], promise: 'We decide by Friday.' },
    },
    'POST /api/v1/submissions/:id/candidate-contacts': {
      url: `/api/v1/submissions/${f.submissionId}/candidate-contacts`,
      body: { channel: 'phone', summary: 'Told her where things stand.', nextContactAt: '2027-01-05' },
    },
    'POST /api/v1/submissions/:id/debriefs': {
      url: `/api/v1/submissions/${f.submissionId}/debriefs`,
      body: { channel: 'phone', impressions: 'Went well.', interestLevel: 4, nextContactAt: '2027-01-05' },
    },
    'POST /api/v1/submissions/:id/placement': {
      url: `/api/v1/submissions/${f.submissionId}/placement`,
      body: { startDate: '2027-01-04', fee: { kind: 'fixed', amount: 12000, currency: 'EUR' } },
    },
    'POST /api/v1/placements/:id/fall-through': {
      url: `/api/v1/placements/${f.placementId}/fall-through`,
      body: { on: '2026-12-01', reason: 'Took a counter-offer' },
    },
    'POST /api/v1/webhooks': {
      url: '/api/v1/webhooks',
      body: { url: 'https://hooks.example.com/other', events: ['decision.recorded'] },
    },
    'POST /api/v1/imports/preview': {
      url: '/api/v1/imports/preview',
      body: { fileName: 'ats.csv', csv: 'job_title,candidate_name\nRole,Name\n' },
    },
    'POST /api/v1/imports': {
      url: '/api/v1/imports',
      body: {
        fileName: 'ats.csv',
        csv: 'Job Title,Name,Email\nMatrix role,Matrix Person,matrix@example.com\n',
      },
    },
    'GET /api/v1/talent-pool': { url: '/api/v1/talent-pool?tag=sales' },
    'GET /api/v1/exports/talent-pool.csv': { url: '/api/v1/exports/talent-pool.csv?tag=sales' },
    // Single sign-on needs an https issuer, and a domain signs in to one organization: each
    // caller's fixture claims its own.
    'PUT /api/v1/organization/sso': {
      url: '/api/v1/organization/sso',
      body: {
        issuer: 'https://login.example.com',
        clientId: 'hearback',
        clientSecret: 'matrix secret',
        emailDomains: [`m${crypto.randomUUID().slice(0, 8)}.example`],
      },
    },
  };
}

// Routes whose rows row-level security hides from an interviewer who does not interview the application.
const INTERVIEWER_SCOPED = /\/(applications|candidates|interviews|follow-ups)\/:id/;
// The agency's clients, contacts and submissions: row-level security hides them from every interviewer.
const AGENCY_HIDDEN = /\/(clients|client-contacts|submissions|placements)\/:id/;

describe.each(backends)('authorization matrix on %s', (backend) => {
  let db: Db;
  let app: FastifyInstance;
  let doc: Record<string, any>;
  const clock = new ManualClock('2026-12-01T15:00:00Z');

  beforeAll(async () => {
    db = await openTestDb(backend);
    app = await buildApp({ db, clock, identity });
    doc = (await app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
  });
  afterAll(async () => {
    await app.close();
    await db.close();
  });

  async function sessionOf(email: string) {
    const res = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/sign-in',
      payload: { email, password: PASSWORD },
    });
    expect(res.statusCode).toBe(200);
    return {
      cookie: res.cookies.find((c) => c.name === 'hb_session')!.value,
      csrf: res.json<{ csrfToken: string }>().csrfToken,
    };
  }

  const guarded = (p: string) => p !== 'public' && p !== 'session';

  /** The operations of the OpenAPI document that need a permission, with it. */
  const routes = () =>
    operationsOf(doc).flatMap((o) => {
      const permission = ROUTE_PERMISSIONS[o.key];
      return permission && guarded(permission)
        ? [{ operation: o, permission: permission as Permission }]
        : [];
    });

  it('walks the OpenAPI document: every guarded route is an operation in it, and every operation has a permission', () => {
    const inDoc = new Set(operationsOf(doc).map((o) => o.key));
    const guardedRoutes = Object.entries(ROUTE_PERMISSIONS).filter(([, p]) => guarded(p));
    expect(guardedRoutes.filter(([key]) => !inDoc.has(key))).toEqual([]);
    const api = [...inDoc].filter((key) => key.includes(' /api/v1/'));
    expect(api.filter((key) => !(key in ROUTE_PERMISSIONS))).toEqual([]);
    expect(routes().length).toBe(guardedRoutes.length);
  });

  type Caller = {
    label: string;
    /** The role of the member acting: signed in, or whose token is used. */
    role: MemberRole;
    /** For tokens: their scopes (a token may do what its scopes and its member's role both allow). */
    scopes?: string[];
    member?: string;
    token?: string;
    otherOrg?: boolean;
    /** An interviewer who interviews none of the fixture's applications (row-level security). */
    bystander?: boolean;
  };

  const CALLERS = [
    'admin',
    'recruiter',
    'hiring_manager',
    'interviewer',
    'bystander',
    'read',
    'write',
    'interviewer-write-token',
    'other-org-admin',
  ] as const;

  it(
    'answers every route exactly as the permission table, row-level security and tenancy say',
    { timeout: 420_000 },
    async () => {
      const results: string[] = [];
      for (const callerKind of CALLERS) {
        // A fresh organization per caller: some requests change state (close a job, send a message).
        const f = await buildFixture(db, clock);
        const o = await buildFixture(db, clock); // another organization with its own real ids
        const caller: Caller =
          callerKind === 'read' || callerKind === 'write'
            ? {
                label: callerKind,
                role: 'admin', // the admin created these tokens
                scopes: [callerKind],
                token: callerKind === 'read' ? f.readToken : f.writeToken,
              }
            : callerKind === 'interviewer-write-token'
              ? { label: callerKind, role: 'interviewer', scopes: ['write'], token: f.interviewerWriteToken }
              : callerKind === 'other-org-admin'
                ? { label: callerKind, role: 'admin', member: o.admin.email, otherOrg: true }
                : callerKind === 'bystander'
                  ? { label: callerKind, role: 'interviewer', member: f.bystander.email, bystander: true }
                  : {
                      label: callerKind,
                      role: callerKind,
                      member: {
                        admin: f.admin,
                        recruiter: f.recruiter,
                        hiring_manager: f.manager,
                        interviewer: f.interviewer,
                      }[callerKind].email,
                    };
        const auth = caller.member ? await sessionOf(caller.member) : null;
        // Who acts: the signed-in member, or the token's member.
        const actingMember = caller.otherOrg
          ? o.admin.id
          : caller.bystander
            ? f.bystander.id
            : callerKind === 'read' || callerKind === 'write'
              ? f.admin.id
              : {
                  admin: f.admin.id,
                  recruiter: f.recruiter.id,
                  hiring_manager: f.manager.id,
                  interviewer: f.interviewer.id,
                }[caller.role];
        const ids = idsOf(f);
        const fixed = overrides(f);
        // State-changing routes that would break later ones run last.
        const last = (key: string) => Number(/close|DELETE|send|cancel|revoke/.test(key));
        const order = routes().sort((a, b) => last(a.operation.key) - last(b.operation.key));
        for (const { operation, permission } of order) {
          const { key, method } = operation;
          const r = fixed[key] ?? generatedRequest(operation, doc, ids);
          const res = await app.inject({
            method,
            url: r.url,
            headers: auth ? { 'x-csrf-token': auth.csrf } : { authorization: `Bearer ${caller.token}` },
            ...(auth && { cookies: { hb_session: auth.cookie } }),
            ...(r.body !== undefined && { payload: r.body as object }),
          });
          const status = res.statusCode;
          const allowed =
            roleAllows(caller.role, permission) && (!caller.scopes || scopesAllow(caller.scopes, permission));
          const line = `${caller.label} ${key} → ${status}`;
          results.push(line);
          expect.soft(status, line).not.toBe(500);
          expect.soft(status, line).not.toBe(401);
          if (!allowed) {
            expect.soft(status, line).toBe(403);
            continue;
          }
          if (
            (key === 'POST /api/v1/interviews/:id/feedback' ||
              key === 'PUT /api/v1/interviews/:id/feedback/draft') &&
            !caller.otherOrg &&
            !caller.bystander &&
            actingMember !== f.interviewer.id
          ) {
            // Feedback is the actor's own scorecard: only the interview's interviewers give it.
            expect.soft(status, line).toBe(403);
            expect.soft(res.json(), line).toMatchObject({ code: 'forbidden' });
            continue;
          }
          expect.soft(status, line).not.toBe(403);
          const pathHasId = key.includes(':id') || key.includes(':key');
          if (caller.otherOrg && key.includes(':id')) {
            expect.soft(status, line).toBe(404); // another organization's real id: not found
          } else if (caller.otherOrg && method === 'GET' && !pathHasId) {
            const body = res.body;
            for (const secret of [f.candidate.id, f.application.id, f.job.id, f.followUpId, f.messageId]) {
              expect(body.includes(secret), `${line} leaks ${secret}`).toBe(false);
            }
          } else if (
            caller.otherOrg &&
            method !== 'GET' &&
            /applicationId|jobId/.test(JSON.stringify(r.body ?? {}))
          ) {
            expect.soft([404, 422], line).toContain(status); // references to another organization's rows
          } else if (caller.role === 'interviewer' && AGENCY_HIDDEN.test(key)) {
            expect.soft(status, line).toBe(404);
          } else if (caller.bystander && INTERVIEWER_SCOPED.test(key)) {
            expect.soft(status, line).toBe(404); // row-level security: not their interview
          } else {
            expect.soft(status, line).toBeLessThan(500);
            expect.soft([200, 201, 202, 204, 409, 422], line).toContain(status);
          }
        }
      }
      expect(results.length).toBe(routes().length * CALLERS.length);
      if (process.env.MATRIX_LOG) console.log(results.join('\n'));
    },
  );
});
