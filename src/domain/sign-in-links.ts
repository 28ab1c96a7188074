/**
 * Sign-in links and invitations grant an account to whoever holds them. They travel only to their
 * addressee's mailbox; every copy Hearback shows afterwards (the dev mailbox, the outbox through the
 * API) carries the link with its token masked, so reading mail never means becoming its addressee.
 *
 * Pure: no I/O.
 */

/** The token part of a sign-in or invitation link, wherever the link appears (text, href, escaped HTML). */
const SECRET_LINK = /(\/auth\/(?:magic-link|invite)\?(?:[^\s"'<>]*?&(?:amp;)?)?token=)[^\s"'<>&]*/gi;

/** What replaces a masked token. */
export const MASKED_TOKEN = '[hidden]';

/** `text` with the token of every sign-in and invitation link replaced by {@link MASKED_TOKEN}. */
export function maskSignInLinks(text: string): string {
  return text.replace(SECRET_LINK, `$1${MASKED_TOKEN}`);
}
