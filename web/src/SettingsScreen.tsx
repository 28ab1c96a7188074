import { useCallback, useEffect, useRef, useState } from 'react';
import { Alerts } from './Alerts.tsx';
import { api, ApiError, fieldErrorsOf, listAll } from './api.ts';
import { ApiTokensSection } from './ApiTokensSection.tsx';
import { SsoSection } from './SsoSection.tsx';
import { WebhooksSection } from './WebhooksSection.tsx';

interface Member {
  id: string;
  name: string;
  email: string;
  role: string;
  active: boolean;
}
interface Template {
  key: string;
  subject: string;
  body: string;
  customised: boolean;
  variables: string[];
}
interface Preview {
  subject: string;
  text: string;
  check: {
    elements: Record<string, boolean>;
    findings: { code: string; severity: string; message: string }[];
  } | null;
}
type Policy = Record<string, unknown> & {
  timeZone: string;
  defaultPromiseBusinessDays: number;
  undoWindowMinutes: number;
};

const ROLES = ['admin', 'recruiter', 'hiring_manager', 'interviewer'];

/** A field's validation message, beside its input (linked by aria-describedby). */
function FieldError({ id, errors }: { id: string; errors: Record<string, string> }) {
  return errors[id] ? (
    <p className="field-error" id={`policy-${id}-err`}>
      {errors[id]}
    </p>
  ) : null;
}

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
  const [policy, setPolicy] = useState<Policy | null>(null);
  const [templates, setTemplates] = useState<Template[]>([]);
  const [members, setMembers] = useState<Member[]>([]);
  // Deactivating signs the member out everywhere and ends their tokens: it asks first.
  const [deactivating, setDeactivating] = useState<string | null>(null);
  const [editing, setEditing] = useState<Template | null>(null);
  const [preview, setPreview] = useState<Preview | null>(null);
  const [invite, setInvite] = useState({ name: '', email: '', role: 'interviewer' });
  const invited = useRef<{ email: string; id: string } | null>(null);
  const [error, setError] = useState('');
  const [notice, setNotice] = useState('');
  const devMailbox = useDevMailbox();
  const [policyErrors, setPolicyErrors] = useState<Record<string, string>>({});

  const load = useCallback(async () => {
    try {
      setPolicy(await api<Policy>('GET', '/policy'));
      setTemplates((await api<{ items: Template[] }>('GET', '/templates?limit=200')).items);
      setMembers(await listAll<Member>('/members'));
    } catch (e) {
      setError(e instanceof ApiError ? e.message : 'Could not load the settings.');
    }
  }, []);
  useEffect(() => {
    void load();
  }, [load]);

  useEffect(() => {
    if (!editing) return;
    const timer = setTimeout(() => {
      api<Preview>('POST', `/templates/${editing.key}/preview`, {
        subject: editing.subject,
        body: editing.body,
      }).then(
        (p) => {
          setPreview(p);
          setError('');
        },
        (e: unknown) => setError(e instanceof ApiError ? e.message : 'The template does not render.'),
      );
    }, 300);
    return () => clearTimeout(timer);
  }, [editing]);

  const act = async (what: () => Promise<unknown>, done: string) => {
    setError('');
    try {
      await what();
      setNotice(done);
      await load();
    } catch (e) {
      setError(e instanceof ApiError ? e.message : 'That did not work.');
    }
  };

  const invalid = (key: string) =>
    policyErrors[key] ? { 'aria-invalid': true, 'aria-describedby': `policy-${key}-err` } : {};

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

      <section className="card" aria-labelledby="h-policy">
        <h2 id="h-policy" style={{ marginTop: 0 }}>
          Policy
        </h2>
        <form
          onSubmit={(e) => {
            e.preventDefault();
            setPolicyErrors({});
            void act(
              () =>
                api('PUT', '/policy', policy).catch((err: unknown) => {
                  setPolicyErrors(fieldErrorsOf(err)); // shown beside each field; the form keeps its values
                  throw err;
                }),
              'Policy saved.',
            );
          }}
        >
          <label htmlFor="tz">Time zone</label>
          <input
            id="tz"
            value={policy.timeZone}
            onChange={(e) => setPolicy({ ...policy, timeZone: e.target.value })}
            {...invalid('timeZone')}
          />
          <FieldError id="timeZone" errors={policyErrors} />
          <label htmlFor="default-days">Default promise when none was made (business days)</label>
          <input
            id="default-days"
            type="number"
            min={1}
            max={60}
            value={policy.defaultPromiseBusinessDays}
            onChange={(e) => setPolicy({ ...policy, defaultPromiseBusinessDays: Number(e.target.value) })}
            {...invalid('defaultPromiseBusinessDays')}
          />
          <FieldError id="defaultPromiseBusinessDays" errors={policyErrors} />
          <label htmlFor="undo">Undo window after pressing send (minutes)</label>
          <input
            id="undo"
            type="number"
            min={0}
            max={120}
            value={policy.undoWindowMinutes}
            onChange={(e) => setPolicy({ ...policy, undoWindowMinutes: Number(e.target.value) })}
            {...invalid('undoWindowMinutes')}
          />
          <FieldError id="undoWindowMinutes" errors={policyErrors} />
          <button type="submit">Save the policy</button>
        </form>
      </section>

      <section className="card" aria-labelledby="h-templates">
        <h2 id="h-templates" style={{ marginTop: 0 }}>
          Email templates
        </h2>
        <ul>
          {templates.map((t) => (
            <li key={t.key}>
              <button
                className="secondary"
                onClick={() => setEditing(t)}
                aria-label={`Edit the ${t.key.replace('_', ' ')} template`}
              >
                Edit the {t.key.replace('_', ' ')} template
              </button>{' '}
              {t.customised && <span className="meta">(customised)</span>}
            </li>
          ))}
        </ul>
        {editing && (
          <form
            onSubmit={(e) => {
              e.preventDefault();
              void act(
                () =>
                  api('PUT', `/templates/${editing.key}`, { subject: editing.subject, body: editing.body }),
                'Template saved.',
              );
            }}
          >
            <label htmlFor="t-subject">Subject</label>
            <input
              id="t-subject"
              value={editing.subject}
              onChange={(e) => setEditing({ ...editing, subject: e.target.value })}
            />
            <label htmlFor="t-body">Body (Liquid; variables: {editing.variables.join(', ')})</label>
            <textarea
              id="t-body"
              style={{ minHeight: '14rem' }}
              value={editing.body}
              onChange={(e) => setEditing({ ...editing, body: e.target.value })}
            />
            {preview && (
              <div aria-live="polite">
                <h3>Preview</h3>
                <p className="meta">{preview.subject}</p>
                <pre style={{ whiteSpace: 'pre-wrap', font: 'inherit' }}>{preview.text}</pre>
                {preview.check?.findings.map((f) => (
                  <p key={f.code + f.message} className={f.severity === 'error' ? 'error' : 'warning'}>
                    {f.message}
                  </p>
                ))}
              </div>
            )}
            <div className="row">
              <button type="submit">Save the template</button>
              <button
                type="button"
                className="secondary"
                onClick={() =>
                  void act(() => api('DELETE', `/templates/${editing.key}`), 'Back to the default.')
                }
              >
                Back to the default
              </button>
            </div>
          </form>
        )}
      </section>

      <section className="card" aria-labelledby="h-members">
        <h2 id="h-members" style={{ marginTop: 0 }}>
          Members
        </h2>
        <div className="table-scroll" tabIndex={0} role="region" aria-label="Members">
          <table>
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Email</th>
                <th scope="col">Role</th>
                <th scope="col">Access</th>
              </tr>
            </thead>
            <tbody>
              {members.map((m) => (
                <tr key={m.id}>
                  <th scope="row">{m.name}</th>
                  <td>{m.email}</td>
                  <td>{m.role.replace('_', ' ')}</td>
                  <td>
                    {m.active && deactivating === m.id ? (
                      <div role="group" aria-label={`Confirm deactivating ${m.name}`} className="confirm">
                        {m.name} will be signed out everywhere and their API tokens stop working.{' '}
                        <button
                          className="danger"
                          onClick={() => {
                            setDeactivating(null);
                            void act(
                              () => api('PATCH', `/members/${m.id}`, { active: false }),
                              `${m.name} can no longer sign in.`,
                            );
                          }}
                        >
                          Yes, deactivate {m.name}
                        </button>{' '}
                        <button className="secondary" onClick={() => setDeactivating(null)}>
                          Keep {m.name}
                        </button>
                      </div>
                    ) : m.active ? (
                      <button className="secondary" onClick={() => setDeactivating(m.id)}>
                        Deactivate {m.name}
                      </button>
                    ) : (
                      'deactivated'
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <form
          onSubmit={(e) => {
            e.preventDefault();
            void act(async () => {
              // A retry after the member was created but the invitation failed only re-sends it
              // (creating the same email again would be refused as a duplicate).
              let id = invited.current?.email === invite.email ? invited.current.id : null;
              if (!id) {
                id = (await api<Member>('POST', '/members', invite)).id;
                invited.current = { email: invite.email, id };
              }
              await api('POST', `/members/${id}/invite`);
              invited.current = null;
              setInvite({ name: '', email: '', role: 'interviewer' });
            }, 'Invitation sent.');
          }}
        >
          <h3>Invite someone</h3>
          <label htmlFor="i-name">Name</label>
          <input
            id="i-name"
            required
            value={invite.name}
            onChange={(e) => setInvite({ ...invite, name: e.target.value })}
          />
          <label htmlFor="i-email">Email</label>
          <input
            id="i-email"
            type="email"
            required
            value={invite.email}
            onChange={(e) => setInvite({ ...invite, email: e.target.value })}
          />
          <label htmlFor="i-role">Role</label>
          <select
            id="i-role"
            value={invite.role}
            onChange={(e) => setInvite({ ...invite, role: e.target.value })}
          >
            {ROLES.map((r) => (
              <option key={r} value={r}>
                {r.replace('_', ' ')}
              </option>
            ))}
          </select>
          <button type="submit">Send the invitation</button>
        </form>
      </section>

      <ApiTokensSection />

      <WebhooksSection />

      <SsoSection />

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

      {devMailbox && (
        <section className="card" aria-labelledby="h-devmail">
          <h2 id="h-devmail" style={{ marginTop: 0 }}>
            Dev mailbox
          </h2>
          <p>
            This server keeps every email it sends instead of delivering it (no SMTP server is set). Read them
            in the <a href="/dev/mail">dev mailbox</a>.
          </p>
        </section>
      )}
    </>
  );
}
