/** The talent pool's shapes (generated from the API) and their words, shared by its screens. */
import type { Schema } from './api.ts';

/** A candidate's place in the talent pool, as the API answers it. */
export type PoolMembership = Schema<'PoolMembership'>;
/** One opted-in candidate in a search. */
export type PoolEntry = Schema<'PoolEntry'>;
/** A pool candidate in full: history and what they were told. */
export type PoolCandidate = Schema<'PoolCandidate'>;

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
