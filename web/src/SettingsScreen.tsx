import { useCallback, useEffect, useState } from 'react';
import { Alerts } from './Alerts.tsx';
import { client, dataOf, everyItem, messageOf, type Schema } from './api.ts';
import { ApiTokensSection } from './ApiTokensSection.tsx';
import { MembersSection } from './SettingsMembers.tsx';
import { PolicySection } from './SettingsPolicy.tsx';
import { TemplatesSection } from './SettingsTemplates.tsx';
import { SsoSection } from './SsoSection.tsx';
import { WebhooksSection } from './WebhooksSection.tsx';

/** Whether this server keeps sent email in the dev mailbox (it serves /dev/mail only then). */
function useDevMailbox(): boolean {
  const [enabled, setEnabled] = useState(false);
  useEffect(() => {
    fetch('/dev/mail?limit=1', { method: 'HEAD', credentials: 'same-origin' }).then(
      (r) => setEnabled(r.ok),
      () => setEnabled(false),
    );
  }, []);
  return enabled;
}

/**
 * Settings: the policy, email templates with a live preview and checks, members and invitations,
 * API tokens, and the dev mailbox when this server has one.
 */
export function SettingsScreen() {
  const [policy, setPolicy] = useState<Schema<'Policy'> | null>(null);
  const [templates, setTemplates] = useState<Schema<'Template'>[]>([]);
  const [members, setMembers] = useState<Schema<'Member'>[]>([]);
  const [error, setError] = useState('');
  const [notice, setNotice] = useState('');

  const load = useCallback(async () => {
    try {
      setPolicy(await dataOf(client.GET('/api/v1/policy')));
      setTemplates(
        (await dataOf(client.GET('/api/v1/templates', { params: { query: { limit: 200 } } }))).items,
      );
      setMembers(await everyItem((query) => client.GET('/api/v1/members', { params: { query } })));
    } catch (e) {
      setError(messageOf(e, 'Could not load the settings.'));
    }
  }, []);
  useEffect(() => {
    void load();
  }, [load]);

  const act = async (what: () => Promise<unknown>, done: string) => {
    setError('');
    try {
      await what();
      setNotice(done);
      await load();
    } catch (e) {
      setError(messageOf(e, 'That did not work.'));
    }
  };

  if (!policy)
    return error ? (
      <p className="error" role="alert">
        {error}
      </p>
    ) : (
      <p role="status">Loading settings…</p>
    );
  return (
    <>
      <h1>Settings</h1>
      <Alerts error={error} />
      <Alerts notice={notice} />
      <PolicySection policy={policy} setPolicy={setPolicy} act={act} />
      <TemplatesSection templates={templates} act={act} setError={setError} />
      <MembersSection members={members} act={act} />

      <ApiTokensSection />

      <WebhooksSection />

      <SsoSection />

      <ExportSection />

      <DevMailboxSection />
    </>
  );
}

/** The organization's export: one JSON file of everything but secrets (audited). */
function ExportSection() {
  return (
    <section className="card" aria-labelledby="h-export">
      <h2 id="h-export" style={{ marginTop: 0 }}>
        Export
      </h2>
      <p>
        Everything this organization holds, as one JSON file: every table but passwords, tokens and other
        secrets. Each export is recorded in the audit log.
      </p>
      <a href="/api/v1/exports/organization.json" download>
        Export organization (JSON)
      </a>
    </section>
  );
}

/** The dev mailbox's link, when this server keeps sent email instead of delivering it. */
function DevMailboxSection() {
  const devMailbox = useDevMailbox();
  if (!devMailbox) return null;
  return (
    <section className="card" aria-labelledby="h-devmail">
      <h2 id="h-devmail" style={{ marginTop: 0 }}>
        Dev mailbox
      </h2>
      <p>
        This server keeps every email it sends instead of delivering it (no SMTP server is set). Read them in
        the <a href="/dev/mail">dev mailbox</a>.
      </p>
    </section>
  );
}
