import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../clock.ts';
import type { Db } from '../db/db.ts';
import { STATUS_LINK_PLACEHOLDER } from '../domain/sign-in-links.ts';
import { createDevMailboxTransport } from '../mail/dev-mailbox.transport.ts';
import { backends, openTestDb } from '../../test/support/db.ts';
import { buildInterviewScenario, buildRejectionDraft } from '../../test/support/factories.ts';
import { hashToken } from './secret-tokens.ts';
import { candidateAccess, openStatusLink } from './candidate-session.service.ts';
import { createStatusLink } from './candidate-links.ts';
import { eraseCandidate } from './candidate-privacy.service.ts';
import { withdrawApplication } from './candidate-page.service.ts';
import { listDevMailPage } from './dev-mail.service.ts';
import { closeInterview } from './interview.service.ts';
import { editDraft, getMessage, sendMessage } from './message.service.ts';
import { dispatchDueMessages } from './outbox.service.ts';

const identity = { from: { name: 'Acme Hiring', address: 'jobs@acme.test' }, domain: 'acme.test' };
const PUBLIC = 'https://hb.example';
const TOKEN = /\/s\/([A-Za-z0-9_-]{43})(?![A-Za-z0-9_-])/;

// Issue #14, finding 2: whoever can read messages must not hold a link that acts as the candidate.
describe.each(backends)('status links in candidate mail on %s', (backend) => {
  let db: Db;
  const clock = new ManualClock('2026-12-01T15:00:00Z');
  beforeAll(async () => {
    db = await openTestDb(backend);
  });
  afterAll(async () => {
    await db.close();
  });

  it('are stored and shown masked, and minted only into the email that is delivered', async () => {
    const deps = { db, clock, identity, publicUrl: PUBLIC };
    const s = await buildInterviewScenario(deps);
    const org = s.organization.id;
    await closeInterview(deps, org, s.interview.id, { statement: 'within a week' });
    const { draft } = await buildRejectionDraft(deps, s);
    // The draft carries the placeholder, and no link row exists yet.
    expect(draft.bodyText).toContain(`${PUBLIC}${STATUS_LINK_PLACEHOLDER}`);
    expect(draft.bodyText).not.toMatch(TOKEN);
    const links = () =>
      db.query<{ token_hash: string }>(`SELECT token_hash FROM status_links WHERE application_id = $1`, [
        s.application.id,
      ]);
    expect(await links()).toHaveLength(0);

    // An edit cannot smuggle a real-looking link in, nor a header line into the subject.
    const fake = `${PUBLIC}/s/${'A'.repeat(43)}`;
    const edited = await editDraft(deps, org, draft.id, {
      subject: 'Your application\r\nBcc: attacker@evil.test',
      bodyText: `${draft.bodyText}\n\nAlso: ${fake}`,
    });
    expect(edited.subject).toBe('Your application Bcc: attacker@evil.test');
    expect(edited.bodyText).not.toContain(fake);

    await sendMessage(deps, org, draft.id, {}, { memberId: s.recruiter.id });
    clock.advance(11 * 60_000);
    const transport = createDevMailboxTransport(db.system(), clock);
    await dispatchDueMessages(
      { db, clock, transport, identity },
      { batchSize: 10, leaseMs: 60_000, maxAttempts: 3 },
    );

    // Each email (the written promise from the close, then the rejection) holds a real, working
    // link of its own; only their hashes are stored; every stored copy is masked.
    const mails = await db.query<{ subject: string; body_text: string; body_html: string }>(
      `SELECT subject, body_text, body_html FROM dev_mailbox WHERE org_id = $1 AND lower(envelope_to) = lower($2)`,
      [org, s.candidate.email],
    );
    expect(mails).toHaveLength(2);
    const tokens = mails.map((m) => TOKEN.exec(m.body_text)![1]!);
    mails.forEach((m, i) => expect(m.body_html).toContain(`/s/${tokens[i]}`));
    expect((await links()).map((l) => l.token_hash).sort()).toEqual(tokens.map(hashToken).sort());
    const token = tokens[mails.findIndex((m) => m.subject === edited.subject)]!;
    expect(token).toBeDefined();
    expect(await openStatusLink(deps, token)).not.toBeNull();
    const stored = await db.query<{ body_text: string; body_html: string; status: string }>(
      `SELECT body_text, body_html, status FROM messages WHERE id = $1`,
      [draft.id],
    );
    expect(stored[0]!.status).toBe('sent');
    expect(stored[0]!.body_text + stored[0]!.body_html).not.toMatch(TOKEN);
    const shown = await getMessage(deps, org, draft.id);
    expect(shown.bodyText + shown.bodyHtml).not.toMatch(TOKEN);
    const devMail = await listDevMailPage(deps, org, { limit: 50 });
    const toCandidate = devMail.items.filter((m) => m.bodyText.includes('/s/'));
    expect(toCandidate.length).toBeGreaterThan(0);
    for (const m of devMail.items) for (const t of tokens) expect(m.bodyText + m.bodyHtml).not.toContain(t);
  });

  // Issue #14, finding 9.
  it('supersede older links, end at an absolute lifetime, and give sessions a maximum age', async () => {
    clock.set('2026-12-01T15:00:00Z');
    const deps = { db, clock, identity, publicUrl: PUBLIC };
    const s = await buildInterviewScenario(deps);
    const org = s.organization.id;
    const mint = async () =>
      (
        await db
          .tenant(org)
          .transaction((tx) => createStatusLink(tx, PUBLIC, org, s.application.id, clock.now()))
      ).slice(`${PUBLIC}/s/`.length);
    const touchApplication = () =>
      db.query(`UPDATE applications SET updated_at = $2 WHERE id = $1`, [s.application.id, clock.now()]);
    const older = await mint();
    const openSession = (await openStatusLink(deps, older))!;
    expect(openSession).toBeTruthy();
    clock.advance(60_000);
    const newer = await mint();
    // The newest link supersedes the older one; the session already open keeps working.
    expect(await openStatusLink(deps, older)).toBeNull();
    expect(await candidateAccess(deps, openSession)).not.toBeNull();
    const session = (await openStatusLink(deps, newer))!;
    expect(session).toBeTruthy();
    // A session ends after its maximum age; the newest link opens a fresh one.
    clock.advance(7 * 86_400_000);
    expect(await candidateAccess(deps, session)).toBeNull();
    expect(await candidateAccess(deps, openSession)).toBeNull();
    expect(await openStatusLink(deps, newer)).not.toBeNull();
    // However often the application changes, a link ends 90 days after it was sent.
    clock.advance(80 * 86_400_000);
    await touchApplication();
    expect(await openStatusLink(deps, newer)).not.toBeNull();
    clock.advance(3 * 86_400_000);
    await touchApplication();
    expect(await openStatusLink(deps, newer)).toBeNull();
  });

  // Issue #14, finding 2: irreversible actions need a fresh confirmation only the candidate can give.
  it('erase and withdraw only from a session freshly opened from the emailed link', async () => {
    clock.set('2026-12-01T15:00:00Z');
    const deps = { db, clock, identity, publicUrl: PUBLIC };
    const s = await buildInterviewScenario(deps);
    const org = s.organization.id;
    const token = (
      await db
        .tenant(org)
        .transaction((tx) => createStatusLink(tx, PUBLIC, org, s.application.id, clock.now()))
    ).slice(`${PUBLIC}/s/`.length);
    const stale = (await candidateAccess(deps, (await openStatusLink(deps, token))!))!;
    clock.advance(20 * 60_000);
    const still = (await candidateAccess(deps, (await openStatusLink(deps, token))!))!;
    await expect(eraseCandidate(deps, stale)).rejects.toMatchObject({ code: 'invalid_state' });
    await expect(withdrawApplication(deps, stale)).rejects.toMatchObject({ code: 'invalid_state' });
    const [app] = await db.query<{ status: string }>(`SELECT status FROM applications WHERE id = $1`, [
      s.application.id,
    ]);
    expect(app!.status).toBe('active');
    await withdrawApplication(deps, still);
    expect((await eraseCandidate(deps, still)).erasedAt).not.toBeNull();
  });
});
