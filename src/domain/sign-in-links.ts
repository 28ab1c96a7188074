/**
 * Secret links — sign-in links, invitations and candidates' status links — grant something to
 * whoever holds them. Sign-in links and invitations grant an account to whoever holds them. They travel only to their
 * addressee's mailbox; every copy Hearback shows afterwards (the dev mailbox, the outbox through the
 * API) carries the link with its token masked, so reading mail never means becoming its addressee.
 *
 * Pure: no I/O.
 */
import { maskClientLinks } from './client-links.ts';

/** The token part of a sign-in or invitation link, wherever the link appears (text, href, escaped HTML). */
const SECRET_LINK = /(\/auth\/(?:magic-link|invite)\?(?:[^\s"'<>]*?&(?:amp;)?)?token=)[^\s"'<>&]*/gi;

/** What replaces a masked token. */
export const MASKED_TOKEN = '[hidden]';

/** `text` with the token of every sign-in and invitation link replaced by {@link MASKED_TOKEN}. */
export function maskSignInLinks(text: string): string {
  return text.replace(SECRET_LINK, `$1${MASKED_TOKEN}`);
}

/**
 * What stands for a candidate's status link in every stored or shown copy of a message. The real
 * link is minted when the email is handed to the mail server and exists only in that email.
 */
export const STATUS_LINK_PLACEHOLDER = '/s/link-hidden';

/** A status link's token: 43 base64url characters after `/s/`. */
const STATUS_LINK = /\/s\/[A-Za-z0-9_-]{43}(?![A-Za-z0-9_-])/g;
const PLACEHOLDER = /\/s\/link-hidden(?![A-Za-z0-9_-])/g;

/** `text` with every status link's token replaced by the placeholder. */
export function maskStatusLinks(text: string): string {
  return text.replace(STATUS_LINK, STATUS_LINK_PLACEHOLDER);
}

/** `text` with every secret link masked: sign-in links, invitations, status links and clients' answer links. */
export function maskSecretLinks(text: string): string {
  return maskClientLinks(maskStatusLinks(maskSignInLinks(text)));
}

/**
 * `text` for the candidate's own page: a masked status link (with whatever address precedes it)
 * reads as what it was, a link to the page they are on, not as a broken address.
 */
export function describeStatusLinks(text: string): string {
  return text.replace(/\S*\/s\/link-hidden(?![A-Za-z0-9_-])/g, '(your link to this page)');
}

/** Whether `text` holds a placeholder to fill at delivery. */
export function hasStatusLinkPlaceholder(text: string): boolean {
  return text.search(PLACEHOLDER) >= 0;
}

/** `text` with every placeholder replaced by the real status link's path (at delivery only). */
export function fillStatusLinks(text: string, token: string): string {
  return text.replace(PLACEHOLDER, `/s/${token}`);
}
