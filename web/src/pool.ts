/** The talent pool's shapes as the API answers them, and their words, shared by its screens. */

/** A candidate's place in the talent pool (`PoolMembership`). */
export interface PoolMembership {
  id: string;
  candidateId: string;
  applicationId: string;
  status: 'invited' | 'opted_in' | 'declined' | 'expired' | 'removed';
  offer: string;
  interests: string;
  tags: string[];
  cadenceDays: number;
  /** While invited: the months the team suggested; once opted in: what the candidate chose. */
  consentMonths: number | null;
  consentUntil: string | null;
  ownerId: string;
  invitedAt: string;
  respondedAt: string | null;
  endedAt: string | null;
}

/** One opted-in candidate in a search (`PoolEntry`). */
export interface PoolEntry extends PoolMembership {
  candidate: { name: string; email: string | null };
  job: { id: string; title: string };
  nextContactAt: string | null;
}

/** A pool candidate in full (`PoolCandidate`): history and what they were told. */
export interface PoolCandidate {
  membership: PoolMembership;
  candidate: { id: string; name: string; email: string | null; phone: string | null };
  applications: {
    id: string;
    jobId: string;
    jobTitle: string;
    status: string;
    interviews: { title: string; scheduledAt: string | null; closedAt: string | null }[];
  }[];
  feedbackGiven: { subject: string; text: string; sentAt: string | null }[];
}

/** A day for people: "Tue 8 Dec 2026". */
export function day(iso: string): string {
  return new Date(iso).toLocaleDateString(undefined, {
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    year: 'numeric',
  });
}

/** Where an invitation stands, in words. */
export function membershipWords(m: PoolMembership): string {
  switch (m.status) {
    case 'invited':
      return `Invited on ${day(m.invitedAt)}: waiting for their answer on their status page.`;
    case 'opted_in':
      return `Opted in${m.respondedAt ? ` on ${day(m.respondedAt)}` : ''}, until ${m.consentUntil ? day(m.consentUntil) : 'further notice'}.`;
    case 'declined':
      return `Declined${m.respondedAt ? ` on ${day(m.respondedAt)}` : ''}: we will not contact them about other roles.`;
    case 'expired':
      return `Their consent ran out${m.endedAt ? ` on ${day(m.endedAt)}` : ''}: they left the pool.`;
    case 'removed':
      return `Out of the pool${m.endedAt ? ` since ${day(m.endedAt)}` : ''}.`;
  }
}

/** Tags as typed ("Sales, London") → the list the API takes. */
export function parseTags(text: string): string[] {
  return [
    ...new Set(
      text
        .split(',')
        .map((t) => t.trim().toLowerCase())
        .filter(Boolean),
    ),
  ];
}
