import hoodiecrow from 'hoodiecrow-imap';
import type { AddressInfo } from 'node:net';

/** A real IMAP4rev1 server in the test process (hoodiecrow-imap), holding one mailbox. */
export interface TestImapServer {
  /** imap://user:password@127.0.0.1:PORT/INBOX */
  url: string;
  close(): Promise<void>;
}

/** Start an IMAP server on loopback (random port) whose INBOX holds `messages` (raw RFC 5322). */
export async function startImapServer(messages: string[]): Promise<TestImapServer> {
  const server = hoodiecrow({
    plugins: ['IDLE', 'UIDPLUS', 'ENABLE', 'ID', 'UNSELECT', 'SPECIAL-USE'],
    storage: { INBOX: { messages: messages.map((raw) => ({ raw, flags: [] })) }, '': {} },
    users: { hearback: { password: 'imap-secret' } },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.server.address() as AddressInfo;
  return {
    url: `imap://hearback:imap-secret@127.0.0.1:${port}/INBOX`,
    close: () => new Promise<void>((resolve) => server.server.close(() => resolve())),
  };
}
