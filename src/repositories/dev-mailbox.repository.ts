import type { Queryable } from '../db/db.ts';
import { keysetPage, type KeysetPage } from '../db/sql.ts';

/** A message as the development mailbox received it. */
export interface DevMail {
  id: string;
  orgId: string;
  messageId: string;
  envelopeTo: string;
  headers: Record<string, string>;
  subject: string;
  bodyText: string;
  bodyHtml: string;
  /** The calendar invitation it carried, if any. */
  ics: string | null;
  deliveredAt: Date;
}

interface DevMailRow {
  id: string;
  org_id: string;
  message_id: string;
  envelope_to: string;
  headers: Record<string, string>;
  subject: string;
  body_text: string;
  body_html: string;
  ics: string | null;
  delivered_at: Date;
}

const toDevMail = (r: DevMailRow): DevMail => ({
  id: r.id,
  orgId: r.org_id,
  messageId: r.message_id,
  envelopeTo: r.envelope_to,
  headers: r.headers,
  subject: r.subject,
  bodyText: r.body_text,
  bodyHtml: r.body_html,
  ics: r.ics,
  deliveredAt: r.delivered_at,
});

/** Store a delivered message. */
export async function insertDevMail(
  q: Queryable,
  m: Omit<DevMail, 'id' | 'ics'> & { ics?: string | null },
): Promise<void> {
  await q.query(
    `INSERT INTO dev_mailbox (org_id, message_id, envelope_to, headers, subject, body_text, body_html, delivered_at, ics)
     VALUES ($1, $2, $3, $4::jsonb, $5, $6, $7, $8, $9)`,
    [
      m.orgId,
      m.messageId,
      m.envelopeTo,
      JSON.stringify(m.headers),
      m.subject,
      m.bodyText,
      m.bodyHtml,
      m.deliveredAt,
      m.ics ?? null,
    ],
  );
}

/** The organization's dev mailbox, newest first. */
export async function listDevMail(
  q: Queryable,
  orgId: string,
  page: KeysetPage & { to?: string | undefined },
): Promise<DevMail[]> {
  const k = keysetPage(page, { by: 'delivered_at', firstParam: 2, descending: true });
  const rows = await q.query<DevMailRow>(
    `SELECT * FROM dev_mailbox
      WHERE org_id = $1
        AND ${k.where}
        AND ($5::text IS NULL OR lower(envelope_to) = lower($5))
      ${k.orderLimit}`,
    [orgId, ...k.params, page.to ?? null],
  );
  return rows.map(toDevMail);
}

/** Claim today's digest for a member; false when it was already sent (or claimed) for that local date. */
export async function claimDigest(
  q: Queryable,
  orgId: string,
  memberId: string,
  localDate: string,
  at: Date,
): Promise<boolean> {
  const rows = await q.query(
    `INSERT INTO digests (org_id, member_id, local_date, created_at) VALUES ($1, $2, $3, $4)
     ON CONFLICT DO NOTHING RETURNING member_id`,
    [orgId, memberId, localDate, at],
  );
  return rows.length === 1;
}
