import { ImapFlow } from 'imapflow';

/** Where the poller stands in a mailbox: its UIDVALIDITY and the last UID it handled. */
export interface ImapCursor {
  uidValidity: string;
  lastUid: number;
}

/** Reads new mail from one IMAP mailbox. */
export interface ImapFetcher {
  /** The mailbox's name for the cursor table (host, user and folder; no password). */
  readonly mailbox: string;
  /**
   * Fetch every message after the cursor, oldest first, handing each to `handle` before the next;
   * a message is flagged \Seen once handled. Returns how many were handled.
   */
  fetchNew(
    cursor: ImapCursor | null,
    handle: (raw: Buffer, uid: number, uidValidity: string) => Promise<void>,
    maxBytes: number,
  ): Promise<number>;
}

/**
 * An IMAP fetcher for `imap://user:pass@host:143/Folder` or `imaps://…:993/Folder` (default
 * folder INBOX), with imapflow. One connection per poll: a mailbox polled every minute needs no
 * idle connection held open.
 */
export function createImapFetcher(url: string, options: { rejectUnauthorized?: boolean } = {}): ImapFetcher {
  const u = new URL(url);
  const secure = u.protocol === 'imaps:';
  const folder = decodeURIComponent(u.pathname.replace(/^\//, '')) || 'INBOX';
  const mailbox = `${u.hostname}:${u.port || (secure ? 993 : 143)}/${decodeURIComponent(u.username)}/${folder}`;
  return {
    mailbox,
    async fetchNew(cursor, handle, maxBytes) {
      const client = new ImapFlow({
        host: u.hostname,
        port: Number(u.port) || (secure ? 993 : 143),
        secure,
        auth: { user: decodeURIComponent(u.username), pass: decodeURIComponent(u.password) },
        logger: false,
        tls: { rejectUnauthorized: options.rejectUnauthorized ?? true },
      });
      client.on('error', () => {}); // surfaced through the awaited calls below
      await client.connect();
      let handled = 0;
      try {
        const lock = await client.getMailboxLock(folder);
        try {
          const box = client.mailbox;
          const uidValidity = box ? String(box.uidValidity) : '0';
          // A new UIDVALIDITY means the server renumbered the folder: start again from the top
          // (mail already recorded is recognised by its content and skipped).
          const after = cursor && cursor.uidValidity === uidValidity ? cursor.lastUid : 0;
          const uids: { uid: number; size: number }[] = [];
          for await (const m of client.fetch(`${after + 1}:*`, { uid: true, size: true }, { uid: true })) {
            if (m.uid > after) uids.push({ uid: m.uid, size: m.size ?? 0 });
          }
          uids.sort((a, b) => a.uid - b.uid);
          for (const { uid, size } of uids) {
            if (size <= maxBytes) {
              const message = await client.fetchOne(String(uid), { source: true }, { uid: true });
              if (message && message.source) await handle(message.source, uid, uidValidity);
            } else {
              await handle(Buffer.alloc(0), uid, uidValidity); // too large: skipped, but the cursor moves
            }
            await client.messageFlagsAdd(String(uid), ['\\Seen'], { uid: true });
            handled += 1;
          }
        } finally {
          lock.release();
        }
      } finally {
        await client.logout().catch(() => client.close());
      }
      return handled;
    },
  };
}
