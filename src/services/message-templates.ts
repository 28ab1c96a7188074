/**
 * What every use case that writes a templated email shares: its deps (the mail identity and the
 * public URL for links), the base URL for links, and the organization's template for a key. A
 * lower module: it calls no service, so composing, sweeping, calendars and the talent pool depend
 * on it instead of on the message service.
 */
import type { Queryable } from '../db/db.ts';
import { DEFAULT_TEMPLATES } from '../domain/template-copy.ts';
import type { TemplateKey, TemplateSource } from '../domain/template-engine.ts';
import { findTemplate } from '../repositories/template.repository.ts';
import type { ServiceDeps } from './deps.ts';
import type { MailIdentity } from './outbox.service.ts';

/** What the message use cases need. */
export interface MessagingDeps extends ServiceDeps {
  identity: MailIdentity;
  /** Base URL for the links in emails (the candidate's status page). Default http://localhost:3000. */
  publicUrl?: string;
}

/** The base URL for links, from the deps. */
export function linkBase(deps: { publicUrl?: string | undefined }): string {
  return deps.publicUrl ?? 'http://localhost:3000';
}

/** The organization's template for a key, or the default. */
export async function loadTemplate(q: Queryable, orgId: string, key: TemplateKey): Promise<TemplateSource> {
  const custom = await findTemplate(q, orgId, key);
  return custom ? { subject: custom.subject, body: custom.body } : DEFAULT_TEMPLATES[key];
}
