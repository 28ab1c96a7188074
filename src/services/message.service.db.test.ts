import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../clock.ts';
import type { Db } from '../db/db.ts';
import { createDevMailboxTransport } from '../mail/dev-mailbox.transport.ts';
import { listDevMail } from '../repositories/dev-mailbox.repository.ts';
import { listEventsOfType } from '../repositories/event.repository.ts';
import { backends, openTestDb } from '../../test/support/db.ts';
import { buildInterviewScenario } from '../../test/support/factories.ts';
import { changeApplication } from './application.service.ts';
import { recordDecision } from './decision.service.ts';
import { submitFeedback } from './feedback.service.ts';
import { getFollowUp } from './follow-up.service.ts';
import { closeInterview } from './interview.service.ts';
import { changeJob } from './job.service.ts';
import {
  cancelMessage,
  undoSend,
  draftOutcomeMessage,
  editDraft,
  getMessage,
  sendMessage,
} from './message.service.ts';
import { dispatchDueMessages } from './outbox.service.ts';
import { logTouchpoint, undoTouchpoint } from './touchpoint.service.ts';

const MIN = 60_000;
const identity = { from: { name: 'Acme Hiring', address: 'hiring@acme.test' }, domain: 'acme.test' };

describe.each(backends)('composer and outbox on %s', (backend) => {
  let db: Db;
  beforeAll(async () => {
    db = await openTestDb(backend);
  });
  afterAll(async () => {
    await db.close();
  });

  async function decided(clock: ManualClock, recommendation = '') {
    const deps = { db, clock, identity };
    const s = await buildInterviewScenario(deps, {
      policy: { timeZone: 'America/New_York', holidays: { country: 'US' } },
    });
    const orgId = s.organization.id;
    // These tests count the outcome's own deliveries: the written promise after the close (its
    // own tests are in src/http/written-promise.api.test.ts) is off for this job, with a reason.
    await changeJob(
      deps,
      orgId,
      s.job.id,
      {
        policyOverrides: {
          writtenPromise: { send: false, reason: 'Composer tests count outcome mail only.' },
        },
      },
      { policyWrite: true },
    );
    const closed = await closeInterview(deps, orgId, s.interview.id, {
      statement: 'We will call you within 3 business days.',
    });
    expect(closed.writtenPromise.status).toBe('off');
    await submitFeedback(
      deps,
      orgId,
      s.interview.id,
      { recommendation: 'no', ratings: { communication: 5, enterprise_sales: 2 } },
      { memberId: s.manager.id },
    );
    const { decision } = await recordDecision(
      deps,
      orgId,
      s.application.id,
      {
        outcome: 'reject',
        reasons: ['We need someone who has closed six-figure enterprise deals on their own'],
        recommendation,
      },
      { memberId: s.manager.id },
    );
    // Deliver what is due (any organization's), then count this organization's sent messages:
    // tests in this file share a database, and the dispatcher's claim is global by design.
    const dispatch = async () => {
      await dispatchDueMessages(
        { db, clock, transport: createDevMailboxTransport(db, clock), identity },
        { batchSize: 50, leaseMs: MIN, maxAttempts: 3 },
      );
      const rows = await db.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM messages WHERE org_id = $1 AND status = 'sent'`,
        [orgId],
      );
      return { sent: rows[0]!.n };
    };
    return { deps, s, orgId, followUp: closed.followUp, dispatch, decision };
  }

  /** `decided`, then the candidate reaches the final stage and the outcome is sent: it waits for a call. */
  async function awaitingCall(clock: ManualClock) {
    const d = await decided(clock, 'Lead a full sales cycle.');
    const { deps, s, orgId } = d;
    await changeApplication(deps, orgId, s.application.id, { finalStage: true });
    const draft = await draftOutcomeMessage(
      deps,
      orgId,
      { applicationId: s.application.id },
      { memberId: s.recruiter.id },
    );
    const sent = await sendMessage(deps, orgId, draft.id, {}, { memberId: s.recruiter.id });
    return { ...d, draft, sent };
  }

  /** The team reached the candidate by phone about the outcome. */
  function outcomeCall(applicationId: string) {
    return {
      applicationId,
      channel: 'phone' as const,
      kind: 'outcome' as const,
      fromParty: 'team' as const,
      toParty: 'candidate' as const,
      connected: true,
    };
  }

  it('drafts from the decision, blocks an incomplete rejection, and delivers the fixed one as a kept promise', async () => {
    // Tuesday 1 December 2026, 10:00 in New York.
    const clock = new ManualClock('2026-12-01T15:00:00Z');
    const { deps, s, orgId, followUp, dispatch } = await decided(clock);
    const draft = await draftOutcomeMessage(
      deps,
      orgId,
      { applicationId: s.application.id },
      { memberId: s.recruiter.id },
    );
    expect(draft).toMatchObject({
      status: 'draft',
      kind: 'outcome',
      followUpId: followUp.id,
      toAddress: s.candidate.email,
    });
    expect(draft.bodyText).toContain('six-figure enterprise deals');
    expect(draft.bodyText).toContain('Communication'); // what the interviewers rated highly
    expect(draft.check?.elements).toMatchObject({ not_selected: true, reason: true, good_luck: true });
    expect(draft.check?.findings.map((f) => f.code)).toContain('unfilled_placeholder');
    expect(draft.check?.blocking).toBe(true);

    await expect(sendMessage(deps, orgId, draft.id, {}, { memberId: s.recruiter.id })).rejects.toMatchObject({
      code: 'message_check_failed',
    });
    const fixed = await editDraft(deps, orgId, draft.id, {
      bodyText: draft.bodyText.replace(
        '[Add a recommendation for the future]',
        'leading one full enterprise sales cycle end to end would make a strong application next time.',
      ),
    });
    expect(fixed.check).toMatchObject({ blocking: false, elements: { recommendation: true } });
    expect(fixed.bodyHtml).toContain('leading one full enterprise sales cycle');

    const { message } = await sendMessage(deps, orgId, draft.id, {}, { memberId: s.recruiter.id });
    // The undo window (10 minutes) first; 10:10 is inside business hours.
    expect(message.status).toBe('scheduled');
    expect(message.sendAt).toEqual(new Date('2026-12-01T15:10:00Z'));
    clock.advance(5 * MIN);
    expect((await dispatch()).sent).toBe(0);
    clock.advance(6 * MIN);
    expect((await dispatch()).sent).toBe(1);

    const sent = await getMessage(deps, orgId, draft.id);
    expect(sent).toMatchObject({ status: 'sent', attempts: 1 });
    const done = await getFollowUp(deps, orgId, followUp.id);
    expect(done).toMatchObject({ status: 'done', kept: true });
    const [mail] = await listDevMail(db, orgId, { after: null, limit: 10 });
    expect(mail).toMatchObject({ envelopeTo: s.candidate.email, messageId: sent.messageId });
    expect(mail!.headers['Reply-To']).toBe(s.recruiter.email);
    expect(mail!.headers['Auto-Submitted']).toBeUndefined(); // a person sent it
  });

  it('lets a send be undone within the window, and records an override', async () => {
    const clock = new ManualClock('2026-12-01T15:00:00Z');
    const { deps, s, orgId, dispatch } = await decided(clock, 'Lead a full sales cycle end to end.');
    const draft = await draftOutcomeMessage(
      deps,
      orgId,
      { applicationId: s.application.id },
      { memberId: s.recruiter.id },
    );
    expect(draft.check?.blocking).toBe(false);
    await sendMessage(deps, orgId, draft.id, {}, { memberId: s.recruiter.id });
    clock.advance(3 * MIN);
    const undone = await cancelMessage(deps, orgId, draft.id, { memberId: s.recruiter.id });
    expect(undone).toMatchObject({ status: 'cancelled', cancelReason: 'cancelled_by_member' });
    clock.advance(20 * MIN);
    expect((await dispatch()).sent).toBe(0);

    const risky = await draftOutcomeMessage(
      deps,
      orgId,
      { applicationId: s.application.id },
      { memberId: s.recruiter.id },
    );
    await editDraft(deps, orgId, risky.id, {
      bodyText: `${risky.bodyText}\n\nAt your age this pace may be hard.`,
    });
    await expect(sendMessage(deps, orgId, risky.id, {}, { memberId: s.recruiter.id })).rejects.toMatchObject({
      code: 'message_check_failed',
    });
    await sendMessage(
      deps,
      orgId,
      risky.id,
      { override: { reason: 'Quoted their own words' } },
      { memberId: s.recruiter.id },
    );
    const overrides = await listEventsOfType(db, orgId, 'message_check_overridden');
    expect(overrides).toHaveLength(1);
    expect(overrides[0]!.data).toMatchObject({ reason: 'Quoted their own words' });
  });

  it('waits for business hours in the candidate’s own time zone', async () => {
    // Tuesday 18:00 in New York = Wednesday 08:00 in Tokyo: the candidate's morning, before opening.
    const clock = new ManualClock('2026-12-01T23:00:00Z');
    const { deps, s, orgId } = await decided(clock, 'Lead a full sales cycle.');
    const { changeCandidate } = await import('./candidate.service.ts');
    await changeCandidate(deps, orgId, s.candidate.id, { timeZone: 'Asia/Tokyo' });
    const draft = await draftOutcomeMessage(
      deps,
      orgId,
      { applicationId: s.application.id },
      { memberId: s.recruiter.id },
    );
    const { message } = await sendMessage(deps, orgId, draft.id, {}, { memberId: s.recruiter.id });
    expect(message.sendAt).toEqual(new Date('2026-12-02T00:00:00Z')); // 09:00 Wednesday in Tokyo
  });

  it('never sends to a candidate who withdrew, even when it was scheduled before', async () => {
    const clock = new ManualClock('2026-12-01T15:00:00Z');
    const { deps, s, orgId, dispatch } = await decided(clock, 'Lead a full sales cycle.');
    const draft = await draftOutcomeMessage(
      deps,
      orgId,
      { applicationId: s.application.id },
      { memberId: s.recruiter.id },
    );
    await sendMessage(deps, orgId, draft.id, {}, { memberId: s.recruiter.id });
    clock.advance(MIN);
    await changeApplication(deps, orgId, s.application.id, { status: 'withdrawn' });
    clock.advance(30 * MIN);
    expect((await dispatch()).sent).toBe(0);
    expect(await getMessage(deps, orgId, draft.id)).toMatchObject({
      status: 'cancelled',
      cancelReason: 'withdrawn',
    });
    expect(await listDevMail(db, orgId, { after: null, limit: 10 })).toEqual([]);
  });

  it('final-stage candidates get a call first; the written note still follows the call', async () => {
    const clock = new ManualClock('2026-12-01T15:00:00Z');
    const { deps, s, orgId, followUp, dispatch, decision, draft, sent } = await awaitingCall(clock);
    expect(sent.callScript?.join('\n')).toContain('six-figure enterprise deals');
    expect(sent.message.sendAt).toEqual(new Date('2026-12-02T15:00:00Z')); // one business day later
    clock.advance(2 * 60 * MIN);
    const call = outcomeCall(s.application.id);
    // "Reached" alone is not telling: the call must say which decision and what was said.
    await expect(logTouchpoint(deps, orgId, call, { memberId: s.recruiter.id })).rejects.toMatchObject({
      code: 'validation_failed',
      details: { field: 'decisionId' },
    });
    await expect(
      logTouchpoint(
        deps,
        orgId,
        { ...call, decisionId: decision.id, summary: 'Told her.' },
        {
          memberId: s.recruiter.id,
        },
      ),
    ).rejects.toMatchObject({ code: 'validation_failed', details: { field: 'summary' } });
    expect((await getFollowUp(deps, orgId, followUp.id)).status).toBe('open');
    const logged = await logTouchpoint(
      deps,
      orgId,
      {
        ...call,
        decisionId: decision.id,
        summary: 'Told her the decision and why; suggested a full sales cycle.',
      },
      { memberId: s.recruiter.id },
    );
    expect((await getFollowUp(deps, orgId, followUp.id)).status).toBe('done');
    const said = 'From our call: Told her the decision and why; suggested a full sales cycle.';
    // The screen states exactly what goes: to whom, when, in which zone, and the text with what was said.
    expect(logged.writtenNote).toMatchObject({
      status: 'scheduled',
      messageId: draft.id,
      sendAt: sent.message.sendAt,
      to: s.candidate.email,
      timeZone: 'America/New_York',
    });
    expect(logged.writtenNote).toHaveProperty('text', `${draft.bodyText.trimEnd()}\n\n${said}`);
    expect(logged.undoUntil).toEqual(new Date(clock.now().getTime() + 10 * MIN));
    expect(await getMessage(deps, orgId, draft.id)).toMatchObject({ status: 'scheduled' });
    clock.advance(2 * 24 * 60 * MIN);
    expect((await dispatch()).sent).toBe(1); // the note in writing, as the script promised
    const [mail] = await listDevMail(db, orgId, { after: null, limit: 10 });
    expect(mail!.envelopeTo).toBe(s.candidate.email);
    expect(mail!.bodyText).toContain(said);
  });

  it('a call undone takes what was said out of the written note; a note stopped with a reason is in the timeline', async () => {
    const clock = new ManualClock('2026-12-01T15:00:00Z');
    const { deps, s, orgId, decision, dispatch, draft } = await awaitingCall(clock);
    clock.advance(30 * MIN);
    const call = {
      ...outcomeCall(s.application.id),
      decisionId: decision.id,
      summary: 'Said <b>no</b> for now & why; she took it well.',
    };
    const logged = await logTouchpoint(deps, orgId, call, { memberId: s.recruiter.id });
    const note = await getMessage(deps, orgId, draft.id);
    expect(note.bodyText).toContain('From our call: Said <b>no</b> for now & why');
    // Escaped in the HTML version: the member's words are text, never markup.
    expect(note.bodyHtml).toContain('Said &lt;b&gt;no&lt;/b&gt; for now &amp; why');
    await undoTouchpoint(deps, orgId, logged.touchpoint.id, { memberId: s.recruiter.id });
    expect((await getMessage(deps, orgId, draft.id)).bodyText).toBe(draft.bodyText);

    clock.advance(MIN);
    // Stopped with a reason: nothing goes, and the reason is on the application's events.
    const skipped = await logTouchpoint(
      deps,
      orgId,
      { ...call, skipWrittenNote: { reason: 'She asked for nothing in writing.' } },
      { memberId: s.recruiter.id },
    );
    expect(skipped.writtenNote).toMatchObject({
      status: 'cancelled',
      reason: 'She asked for nothing in writing.',
    });
    const events = await db.query<{ data: { skipReason?: string; writtenNote?: string } }>(
      `SELECT data FROM events WHERE org_id = $1 AND application_id = $2 AND type = 'touchpoint_logged'
        ORDER BY at DESC, id DESC LIMIT 1`,
      [orgId, s.application.id],
    );
    expect(events[0]!.data).toMatchObject({
      writtenNote: 'cancelled',
      skipReason: 'She asked for nothing in writing.',
    });
    clock.advance(2 * 24 * 60 * MIN);
    expect((await dispatch()).sent).toBe(0);
    expect(await listDevMail(db, orgId, { after: null, limit: 10 })).toEqual([]);
  });

  it('undo puts a scheduled message back to its draft, text kept, and leaves one decision', async () => {
    const clock = new ManualClock('2026-12-01T15:00:00Z');
    const { deps, s, orgId } = await decided(clock, 'Lead a full sales cycle.');
    const draft = await draftOutcomeMessage(
      deps,
      orgId,
      { applicationId: s.application.id },
      { memberId: s.recruiter.id },
    );
    const edited = await editDraft(deps, orgId, draft.id, {
      bodyText: `${draft.bodyText}\n\nP.S. Typed by hand.`,
    });
    await sendMessage(deps, orgId, draft.id, {}, { memberId: s.recruiter.id });
    const back = await undoSend(deps, orgId, draft.id, { memberId: s.recruiter.id });
    expect(back).toMatchObject({
      id: draft.id,
      status: 'draft',
      scheduledFor: null,
      bodyText: edited.bodyText,
    });
    const decisions = await db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM decisions WHERE org_id = $1 AND application_id = $2`,
      [orgId, s.application.id],
    );
    expect(decisions[0]!.n).toBe(1);
    await expect(undoSend(deps, orgId, draft.id, { memberId: s.recruiter.id })).rejects.toMatchObject({
      code: 'invalid_state',
    });
  });

  it('after a call the member may stop the written note only with a reason, and may undo the log', async () => {
    const clock = new ManualClock('2026-12-01T15:00:00Z');
    const { deps, s, orgId, followUp, dispatch, decision, draft } = await awaitingCall(clock);
    clock.advance(60 * MIN);
    const call = {
      ...outcomeCall(s.application.id),
      decisionId: decision.id,
      summary: 'Told her the decision and why; she asked for nothing in writing.',
    };
    const first = await logTouchpoint(deps, orgId, call, { memberId: s.recruiter.id });
    // Undo within the window: the promise is open again and the call no longer counts.
    clock.advance(5 * MIN);
    await expect(
      undoTouchpoint(deps, orgId, first.touchpoint.id, { memberId: s.manager.id }),
    ).rejects.toMatchObject({
      code: 'invalid_state',
    });
    const undone = await undoTouchpoint(deps, orgId, first.touchpoint.id, { memberId: s.recruiter.id });
    expect(undone.reopenedFollowUps.map((f) => f.id)).toEqual([followUp.id]);
    expect((await getFollowUp(deps, orgId, followUp.id)).status).toBe('open');

    const second = await logTouchpoint(
      deps,
      orgId,
      { ...call, skipWrittenNote: { reason: 'She asked us not to email her at work.' } },
      { memberId: s.recruiter.id },
    );
    expect(second.writtenNote).toEqual({
      status: 'cancelled',
      messageId: draft.id,
      reason: 'She asked us not to email her at work.',
    });
    expect((await getFollowUp(deps, orgId, followUp.id)).status).toBe('done');
    clock.advance(11 * MIN);
    await expect(
      undoTouchpoint(deps, orgId, second.touchpoint.id, { memberId: s.recruiter.id }),
    ).rejects.toMatchObject({
      code: 'invalid_state',
      details: { reason: 'undo_window_passed' },
    });
    clock.advance(2 * 24 * 60 * MIN);
    expect((await dispatch()).sent).toBe(0);
  });
});
