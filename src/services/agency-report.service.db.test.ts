import { describe, expect, it } from 'vitest';
import { placeSubmission } from './placement.service.ts';
import { ManualClock } from '../clock.ts';
import { backends, useTestDb } from '../../test/support/db.ts';
import { buildCandidate, buildMember, buildOrganization } from '../../test/support/factories.ts';
import {
  createClient,
  createClientContact,
  createJobOrder,
  createSubmission,
  recordClientAnswer,
  sendNudge,
} from './agency.service.ts';
import { agencyReportToCsv, getAgencyReport } from './agency-report.service.ts';

const identity = { from: { name: 'Hearback', address: 'hb@example.test' }, domain: 'example.test' };

/**
 * The agency report on a real database, built through the desk's own use cases on an injected
 * clock: a quick client and a slow one that needed two nudges, a placement inside its guarantee,
 * and another organization that sees none of it.
 */
describe.each(backends)('the agency report on %s', (backend) => {
  const database = useTestDb(backend);

  async function agencyWithHistory() {
    // Tuesday 1 December 2026, 10:00 in New York.
    const clock = new ManualClock('2026-12-01T15:00:00Z');
    const deps = { db: database.db, clock, identity };
    const { organization } = await buildOrganization(deps, {
      policy: { timeZone: 'America/New_York', holidays: null },
    });
    const orgId = organization.id;
    const recruiter = await buildMember(deps, orgId, { name: 'Rita Recruiter', role: 'recruiter' });
    const actor = { memberId: recruiter.id };
    const quick = await createClient(deps, orgId, { name: 'Alder Health', feedbackDaysAfterSubmission: 2 });
    const slow = await createClient(deps, orgId, { name: 'Birch Freight', feedbackDaysAfterSubmission: 2 });
    const ada = await createClientContact(deps, orgId, quick.id, {
      name: 'Ada Quill',
      email: 'ada@alder.test',
    });
    const bo = await createClientContact(deps, orgId, slow.id, { name: 'Bo Marsh', email: 'bo@birch.test' });
    const quickJob = await createJobOrder(deps, orgId, quick.id, {
      title: 'Clinic Manager',
      roleKind: 'other',
      hiringAuthorityId: ada.id,
    });
    const slowJob = await createJobOrder(deps, orgId, slow.id, {
      title: 'Dispatch Lead',
      roleKind: 'other',
      hiringAuthorityId: bo.id,
    });
    const submit = async (jobId: string, name: string) =>
      (
        await createSubmission(
          deps,
          orgId,
          {
            jobId,
            candidateId: (await buildCandidate(deps, orgId, { name })).id,
            pitch: 'Ran this at scale.',
          },
          actor,
        )
      ).submission;
    const toQuick = await submit(quickJob.id, 'Cam Reyes');
    const toSlow = await submit(slowJob.id, 'Dee Otto');
    const placed = await submit(slowJob.id, 'Eli Stone');

    // The quick client answers a day later (within its two business days).
    clock.set(new Date('2026-12-02T15:00:00Z'));
    await recordClientAnswer(deps, orgId, toQuick.id, { answer: 'interview', channel: 'email' }, actor);
    await placeSubmission(
      deps,
      orgId,
      placed.id,
      { startDate: '2026-12-07', fee: { kind: 'percent', percent: 20 } },
      actor,
    );
    // The slow one misses its deadline (Thursday's close); two nudges, the second answered.
    clock.set(new Date('2026-12-04T15:00:00Z'));
    const nudge = (text: string, next: string) =>
      sendNudge(deps, orgId, toSlow.id, { text, channel: 'email', nextContactAt: { date: next } }, actor);
    await nudge(
      'Hi Bo, Dee now has a second interview elsewhere next week; can we book a first call?',
      '2026-12-07',
    );
    clock.set(new Date('2026-12-07T15:00:00Z'));
    await nudge('Hi Bo, Dee is available to start in January and received an offer on Friday.', '2026-12-09');
    clock.set(new Date('2026-12-08T15:00:00Z'));
    await recordClientAnswer(
      deps,
      orgId,
      toSlow.id,
      { answer: 'decline', reason: 'Went with an internal move.', channel: 'phone' },
      actor,
    );
    clock.set(new Date('2026-12-09T15:00:00Z'));
    return { deps, orgId, clock, recruiter, quick, slow, slowJob, ada, bo };
  }

  it('reports each client: time to feedback, the share within the deadline, nudges answered, the funnel', async () => {
    const a = await agencyWithHistory();
    const byClient = await getAgencyReport(a.deps, a.orgId, { group: 'client' });
    expect(byClient.map((l) => l.label)).toEqual(['Alder Health', 'Birch Freight']);
    const [quick, slow] = byClient;
    expect(quick).toMatchObject({
      key: a.quick.id,
      submissions: 1,
      interviewed: 1,
      placed: 0,
      interviewRate: 1,
      feedbackOwed: 1,
      feedbackAnswered: 1,
      medianHoursToFeedback: 24,
      answeredWithinDeadline: 1,
      withinDeadlineRate: 1,
      nudges: 0,
      nudgesAnsweredRate: null,
    });
    expect(slow).toMatchObject({
      key: a.slow.id,
      submissions: 2,
      interviewed: 1,
      offered: 1,
      placed: 1,
      interviewRate: 0.5,
      placementRate: 1,
      // The placed submission's feedback was cancelled when it ended: neither answered nor missed.
      feedbackOwed: 1,
      feedbackAnswered: 1,
      medianHoursToFeedback: 168,
      answeredWithinDeadline: 0,
      withinDeadlineRate: 0,
      nudges: 2,
      nudgesAnswered: 1,
      nudgesAnsweredRate: 0.5,
      placementsInGuarantee: 1,
      placementsKept: 0,
      placementsFellThrough: 0,
    });

    const [total] = await getAgencyReport(a.deps, a.orgId, { group: 'none' });
    expect(total).toMatchObject({
      key: null,
      submissions: 3,
      interviewed: 2,
      medianHoursToFeedback: 96,
      withinDeadlineRate: 0.5,
      nudges: 2,
      nudgesAnswered: 1,
    });

    const byContact = await getAgencyReport(a.deps, a.orgId, { group: 'contact' });
    expect(byContact.map((l) => [l.key, l.label, l.submissions])).toEqual([
      [a.ada.id, 'Ada Quill (Alder Health)', 1],
      [a.bo.id, 'Bo Marsh (Birch Freight)', 2],
    ]);

    const csv = agencyReportToCsv(byClient).split('\r\n');
    expect(csv[0]).toMatch(/^key,label,submissions,interviewed,/);
    expect(csv[2]).toContain(',Birch Freight,2,1,1,1,0.5,1,');
  });

  it('reads the period, and counts feedback still open past its deadline as missed', async () => {
    const a = await agencyWithHistory();
    const [before] = await getAgencyReport(a.deps, a.orgId, { group: 'none', to: { date: '2026-11-30' } });
    expect(before).toMatchObject({ submissions: 0, feedbackOwed: 0, medianHoursToFeedback: null });
    await expect(
      getAgencyReport(a.deps, a.orgId, {
        group: 'none',
        from: { date: '2026-12-05' },
        to: { date: '2026-12-01' },
      }),
    ).rejects.toMatchObject({ code: 'validation_failed' });

    // A new submission the slow client leaves unanswered past its two business days.
    await createSubmission(
      a.deps,
      a.orgId,
      {
        jobId: a.slowJob.id,
        candidateId: (await buildCandidate(a.deps, a.orgId, { name: 'Fay Lind' })).id,
        pitch: 'Knows the routes.',
      },
      { memberId: a.recruiter.id },
    );
    a.clock.set(new Date('2026-12-14T15:00:00Z'));
    const slow = (await getAgencyReport(a.deps, a.orgId, { group: 'client' })).find(
      (l) => l.key === a.slow.id,
    );
    expect(slow).toMatchObject({
      feedbackOwed: 2,
      feedbackAnswered: 1,
      waitingPastDeadline: 1,
      withinDeadlineRate: 0,
    });
    const [since] = await getAgencyReport(a.deps, a.orgId, { group: 'none', from: { date: '2026-12-09' } });
    expect(since).toMatchObject({
      submissions: 1,
      feedbackOwed: 1,
      waitingPastDeadline: 1,
      withinDeadlineRate: 0,
    });
  });

  it("never shows one agency's clients to another organization", async () => {
    await agencyWithHistory();
    const clock = new ManualClock('2026-12-09T15:00:00Z');
    const deps = { db: database.db, clock, identity };
    const other = await buildOrganization(deps);
    expect(await getAgencyReport(deps, other.organization.id, { group: 'client' })).toEqual([]);
    const [total] = await getAgencyReport(deps, other.organization.id, { group: 'none' });
    expect(total).toMatchObject({ submissions: 0, nudges: 0, feedbackOwed: 0 });
  });
});
