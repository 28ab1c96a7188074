/**
 * A candidate's word that another agency already submitted them to a client: recorded, listed and
 * removed here; the double-submission check (double-submissions.ts) refuses a submission against it.
 */
import type { Queryable } from '../db/db.ts';
import { errors } from '../errors.ts';
import { findClient } from '../repositories/agency.repository.ts';
import {
  deleteClientDeclaration,
  insertClientDeclaration,
  listClientDeclarations,
  type ClientDeclaration,
} from '../repositories/client-declaration.repository.ts';
import type { Actor, ServiceDeps } from './deps.ts';
import { fetchPage, type Page, type PageQuery } from './pagination.ts';
import { requireCandidateRef } from './references.ts';

/** What a candidate declares about a client. */
export interface ClientDeclarationInput {
  clientId: string;
  otherAgency?: string | undefined;
  submittedOn?: string | undefined;
  note?: string | undefined;
}

/** Record, as `actor`, a candidate's word that another agency already submitted them to a client. */
export async function recordClientDeclaration(
  deps: ServiceDeps,
  orgId: string,
  candidateId: string,
  input: ClientDeclarationInput,
  actor: Actor,
): Promise<ClientDeclaration> {
  return deps.db.tenant(orgId).transaction(async (tx) => {
    await requireCandidate(tx, orgId, candidateId);
    if (!(await findClient(tx, orgId, input.clientId))) {
      throw errors.invalidReference('clientId', 'client', input.clientId);
    }
    return insertClientDeclaration(tx, orgId, {
      candidateId,
      clientId: input.clientId,
      otherAgency: input.otherAgency ?? '',
      submittedOn: input.submittedOn ?? null,
      note: input.note ?? '',
      recordedBy: actor.memberId,
      createdAt: deps.clock.now(),
    });
  });
}

async function requireCandidate(q: Queryable, orgId: string, candidateId: string): Promise<void> {
  try {
    await requireCandidateRef(q, orgId, candidateId, 'candidateId');
  } catch {
    throw errors.notFound('Candidate', candidateId);
  }
}

/** A candidate's declarations, a page at a time. */
export async function listClientDeclarationsPage(
  deps: ServiceDeps,
  orgId: string,
  candidateId: string,
  query: PageQuery,
): Promise<Page<ClientDeclaration>> {
  return deps.db.tenant(orgId).transaction(async (tx) => {
    await requireCandidate(tx, orgId, candidateId);
    return fetchPage(
      query,
      (page) => listClientDeclarations(tx, orgId, candidateId, page),
      (d) => d.createdAt,
    );
  });
}

/** Remove a declaration recorded by mistake. */
export async function removeClientDeclaration(
  deps: ServiceDeps,
  orgId: string,
  candidateId: string,
  id: string,
): Promise<void> {
  const removed = await deleteClientDeclaration(deps.db.tenant(orgId), orgId, candidateId, id);
  if (!removed) throw errors.notFound('Client declaration', id);
}
