/** The agency desk's shapes, from the OpenAPI document, shared by the desk's components. */
import type { Schema } from './api.ts';

/** The recruiter's desk (GET /desk). */
export type Desk = Schema<'Desk'>;
/** One follow-up the recruiter owes today. */
export type DeskFollowUp = Desk['followUps'][number];
/** One submission waiting on a client, against the deadline the client agreed. */
export type Waiting = Desk['waiting'][number];
/** One client with its contacts and job orders. */
export type DeskClient = Desk['clients'][number];

/** Fields of a small form, read by name (the submit's default is prevented). */
export function fieldsOf(e: { preventDefault: () => void; currentTarget: HTMLFormElement }): FormData {
  e.preventDefault();
  return new FormData(e.currentTarget);
}

/** A field's trimmed text ('' when absent). */
export function text(form: FormData, name: string): string {
  const value = form.get(name);
  return typeof value === 'string' ? value.trim() : '';
}
