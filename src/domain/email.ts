/**
 * Email header rules (pure). Header values come partly from user input (names, subjects), so
 * every one passes through `headerValue`: CR and LF never reach a header, whatever was typed
 * (RFC 5322 header injection). Message-IDs are fixed when a message is created and reused on
 * every retry, so at-least-once delivery shows up as duplicates a mail client can collapse.
 */

/** Collapse control characters (CR, LF, tabs …) to single spaces, trim, and cap the length. */
export function headerValue(value: string, maxLength = 998): string {
  return (
    value
      // eslint-disable-next-line no-control-regex -- removing control characters is the point
      .replace(/[\u0000-\u001f\u007f\u2028\u2029]+/g, ' ')
      .replace(/\s+/g, ' ')
      .trim()
      .slice(0, maxLength)
  );
}

/** A stable RFC 5322 Message-ID for a message id and a mail domain. */
export function messageIdFor(id: string, domain: string): string {
  return `<${headerValue(id).replace(/[<>@\s]/g, '')}@${headerValue(domain).replace(/[<>@\s]/g, '')}>`;
}

/** The domain a deployment's Message-IDs use: the host of its public URL. */
export function mailDomainOf(publicUrl: string): string {
  try {
    return new URL(publicUrl).hostname || 'localhost';
  } catch {
    return 'localhost';
  }
}

/**
 * Threading headers for the next message to a candidate, given the Message-IDs already sent in
 * that conversation (oldest first): In-Reply-To the latest, References the root and the most
 * recent ones (RFC 5322 §3.6.4; long chains are trimmed from the middle, keeping the root).
 */
export function threadHeaders(previous: string[]): { inReplyTo: string | null; references: string[] } {
  if (previous.length === 0) return { inReplyTo: null, references: [] };
  const references = previous.length > 10 ? [previous[0]!, ...previous.slice(-9)] : [...previous];
  return { inReplyTo: previous[previous.length - 1]!, references };
}

/** A plausible single email address (no display name, no CR/LF, one @, a dotted domain). */
export function isEmailAddress(value: string): boolean {
  return /^[^\s@<>()[\],;:"]+@[^\s@<>()[\],;:"]+\.[^\s@<>()[\],;:"]+$/.test(value) && value.length <= 320;
}
