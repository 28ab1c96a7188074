import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../clock.ts';
import type { Db } from '../db/db.ts';
import { checkMessage, hasBlockingFindings } from '../domain/message-check/index.ts';
import { listEventsOfType } from '../repositories/event.repository.ts';
import { backends, openTestDb } from '../../test/support/db.ts';
import { buildCandidate, buildInterviewScenario } from '../../test/support/factories.ts';
import { changeApplication, createApplication, getApplication } from './application.service.ts';
import { closeJob, previewJobCloseOut } from './close-job.service.ts';
import { listFollowUpsPage } from './follow-up.service.ts';
import { createInterview } from './interview.service.ts';
import { editDraft, getMessage, listMessagesPage, sendMessages } from './message.service.ts';

const identity = { from: { name: 'Acme Hiring', address: 'hiring@acme.test' }, domain: 'acme.test' };

describe.each(backends)('closing a job on %s', (backend) => {
  let db: Db;
  beforeAll(async () => {
    db = await openTestDb(backend);
  });
  afterAll(async () => {
    await db.close();
  });

  /** A job with a hire-to-be and another finalist (both interviewed), an early applicant, and one without email. */
  async function pipeline() {
    const clock = new ManualClock('2026-12-01T15:00:00Z');
    const deps = { db, clock, identity };
    const s = await buildInterviewScenario(deps);
    const orgId = s.organization.id;
    const put = async (name: string, stage: string, finalStage: boolean, email?: null) => {
      const c = await buildCandidate(deps, orgId, { name, ...(email === null && { email: null }) });
      return createApplication(deps, orgId, { jobId: s.job.id, candidateId: c.id, stage, finalStage });
    };
    // The scenario's application (interviewed) is the hire; move it to the final stage.
    await changeApplication(deps, orgId, s.application.id, { stage: 'final', finalStage: true });
    const finalist = await put('Fin Alist', 'final', true);
    await createInterview(deps, orgId, {
      applicationId: finalist.id,
      title: 'Final panel',
      interviewerIds: [s.manager.id],
    });
    const early = await put('Early Applicant', 'applied', false);
    const noEmail = await put('Nomail Person', 'applied', false, null);
    return { clock, deps, s, orgId, finalist, early, noEmail };
  }

  it('previews everyone still in process, grouped by stage, furthest first', async () => {
    const { deps, s, orgId, finalist, early, noEmail } = await pipeline();
    const preview = await previewJobCloseOut(deps, orgId, s.job.id);
    expect(preview.total).toBe(4);
    expect(preview.stages.map((g) => [g.stage, g.reach])).toEqual([
      ['final', 'final'],
      ['applied', 'applied'],
    ]);
    expect(preview.stages[0]!.applications.map((a) => a.applicationId).sort()).toEqual(
      [s.application.id, finalist.id].sort(),
    );
    const applied = preview.stages[1]!.applications;
    expect(applied.find((a) => a.applicationId === early.id)).toMatchObject({
      hasEmail: true,
      interviewed: false,
      openOutcomeFollowUpId: null,
      latestDecision: null,
    });
    expect(applied.find((a) => a.applicationId === noEmail.id)!.hasEmail).toBe(false);
    // Nothing changed.
    expect((await getApplication(deps, orgId, early.id)).status).toBe('active');
  });

  it('a filled job names its hire: without one it is a 400 hire_required, and nothing changes', async () => {
    const { deps, s, orgId } = await pipeline();
    const actor = { memberId: s.recruiter.id };
    const refused = closeJob(deps, orgId, s.job.id, { status: 'filled', hiredApplicationIds: [] }, actor);
    await expect(refused).rejects.toMatchObject({ code: 'hire_required', status: 400 });
    await expect(
      closeJob(deps, orgId, s.job.id, { status: 'closed', hiredApplicationIds: [s.application.id] }, actor),
    ).rejects.toMatchObject({ code: 'validation_failed', status: 400 });
    await expect(
      closeJob(deps, orgId, s.job.id, { status: 'filled', hiredApplicationIds: [s.candidate.id] }, actor),
    ).rejects.toMatchObject({ code: 'invalid_reference' });
    expect((await previewJobCloseOut(deps, orgId, s.job.id)).job.status).toBe('open');
    expect((await getApplication(deps, orgId, s.application.id)).status).toBe('active');
  });

  it('the hire gets no message; the others get a rejection per stage, listed to send, sent in bulk', async () => {
    const { clock, deps, s, orgId, finalist, early, noEmail } = await pipeline();
    const actor = { memberId: s.recruiter.id };
    const result = await closeJob(
      deps,
      orgId,
      s.job.id,
      { status: 'filled', hiredApplicationIds: [s.application.id] },
      actor,
    );
    expect(result.hired).toEqual([s.application.id]);
    expect((await getApplication(deps, orgId, s.application.id)).status).toBe('hired');
    for (const id of [finalist.id, early.id, noEmail.id])
      expect((await getApplication(deps, orgId, id)).status).toBe('rejected');

    // Nothing to the hire; one draft each for the finalist and the early applicant; a call for the other.
    expect(result.drafts.map((d) => d.applicationId).sort()).toEqual([finalist.id, early.id].sort());
    expect(result.withoutEmail).toEqual([noEmail.id]);
    expect(result.stages.map((g) => [g.stage, g.reach, g.drafts.length, g.withoutEmail.length])).toEqual([
      ['final', 'final', 1, 0],
      ['applied', 'applied', 1, 1],
    ]);
    const [toFinalist, toEarly] = [result.stages[0]!.drafts[0]!, result.stages[1]!.drafts[0]!];
    // Worded for how far they got, with the four parts of a rejection and nothing blocking.
    expect(toFinalist.bodyText).toContain('final interviews');
    expect(toEarly.bodyText).toContain('Thank you for applying');
    const strip = (text: string, name: string) => text.replaceAll(name.split(' ')[0]!, 'X');
    expect(strip(toFinalist.bodyText, 'Fin Alist')).not.toBe(strip(toEarly.bodyText, 'Early Applicant'));
    for (const draft of [toFinalist, toEarly]) {
      expect(draft).toMatchObject({ kind: 'job_closed', status: 'draft', checkKind: 'rejection' });
      const check = checkMessage('rejection', draft.bodyText);
      expect(check.elements).toMatchObject({
        not_selected: true,
        reason: true,
        recommendation: true,
        good_luck: true,
      });
      expect(hasBlockingFindings(check)).toBe(false);
      expect(draft.check?.blocking).toBe(false);
    }

    // Each rejected candidate has an open outcome follow-up; the hire's follow-ups are untouched.
    const open = await listFollowUpsPage(deps, orgId, { status: 'open', limit: 100 });
    const withOutcome = new Set(open.items.filter((f) => f.kind === 'outcome').map((f) => f.applicationId));
    for (const id of [finalist.id, early.id, noEmail.id]) expect(withOutcome.has(id)).toBe(true);
    expect(withOutcome.has(s.application.id)).toBe(false);

    // Leaving the screen loses nothing: the drafts are in the "to send" list, by job.
    const toSend = await listMessagesPage(deps, orgId, { status: 'draft', jobId: s.job.id, limit: 50 });
    expect(toSend.items.map((m) => m.id).sort()).toEqual([toFinalist.id, toEarly.id].sort());

    // One draft edited into something the check refuses: the bulk send sends the other and says why.
    await editDraft(deps, orgId, toEarly.id, { bodyText: 'Hi, thanks.' });
    const bulk = await sendMessages(deps, orgId, [toFinalist.id, toEarly.id], actor);
    const byId = new Map(bulk.results.map((r) => [r.id, r]));
    const sent = byId.get(toFinalist.id)!;
    expect(sent.outcome).toBe('scheduled');
    if (sent.outcome !== 'scheduled') throw new Error('unreachable');
    expect(sent.message.status).toBe('scheduled');
    expect(sent.message.scheduledFor!.getTime()).toBeGreaterThanOrEqual(clock.now().getTime() + 10 * 60_000);
    expect(byId.get(toEarly.id)).toMatchObject({ outcome: 'refused', code: 'message_check_failed' });
    const kept = await getMessage(deps, orgId, toEarly.id);
    expect(kept).toMatchObject({ status: 'draft', bodyText: 'Hi, thanks.' });
    const still = await listMessagesPage(deps, orgId, { status: 'draft', jobId: s.job.id, limit: 50 });
    expect(still.items.map((m) => m.id)).toEqual([toEarly.id]);

    // The hire's application is untouched by all of it: hired, no message.
    expect((await getApplication(deps, orgId, s.application.id)).status).toBe('hired');
    const toHire = await listMessagesPage(deps, orgId, { applicationId: s.application.id, limit: 50 });
    expect(toHire.items.filter((m) => m.kind === 'job_closed')).toEqual([]);

    const [event] = await listEventsOfType(db.tenant(orgId), orgId, 'job_closed');
    expect(event!.data).toMatchObject({ status: 'filled', hired: 1, drafts: 2, withoutEmail: 1 });
    await expect(closeJob(deps, orgId, s.job.id, { status: 'closed' }, actor)).rejects.toMatchObject({
      code: 'invalid_state',
    });
  });

  it('closing without a hire rejects everyone, worded for a closed role', async () => {
    const { deps, s, orgId } = await pipeline();
    const result = await closeJob(deps, orgId, s.job.id, { status: 'closed' }, { memberId: s.recruiter.id });
    expect(result.hired).toEqual([]);
    expect(result.drafts).toHaveLength(3);
    for (const d of result.drafts) expect(d.bodyText).toContain('close the position without hiring');
    expect((await getApplication(deps, orgId, s.application.id)).status).toBe('rejected');
  });
});
