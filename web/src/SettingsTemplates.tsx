import { useEffect, useState } from 'react';
import { client, dataOf, messageOf, type Answer, type Schema } from './api.ts';

type Template = Schema<'Template'>;
type Preview = Answer<'/api/v1/templates/{key}/preview', 'post'>;

/** Settings' email templates: pick one, edit it with a live preview and its checks, save or restore the default. */
export function TemplatesSection({
  templates,
  act,
  setError,
}: {
  templates: Template[];
  act: (what: () => Promise<unknown>, done: string) => Promise<void>;
  setError: (error: string) => void;
}) {
  const [editing, setEditing] = useState<Template | null>(null);

  return (
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
      {editing && <TemplateEditor editing={editing} setEditing={setEditing} act={act} setError={setError} />}
    </section>
  );
}

/** One template being edited: subject and body, the live preview with its checks, save or restore the default. */
function TemplateEditor({
  editing,
  setEditing,
  act,
  setError,
}: {
  editing: Template;
  setEditing: (t: Template) => void;
  act: (what: () => Promise<unknown>, done: string) => Promise<void>;
  setError: (error: string) => void;
}) {
  const [preview, setPreview] = useState<Preview | null>(null);

  useEffect(() => {
    const timer = setTimeout(() => {
      dataOf(
        client.POST('/api/v1/templates/{key}/preview', {
          params: { path: { key: editing.key } },
          body: { subject: editing.subject, body: editing.body },
        }),
      ).then(
        (p) => {
          setPreview(p);
          setError('');
        },
        (e: unknown) => setError(messageOf(e, 'The template does not render.')),
      );
    }, 300);
    return () => clearTimeout(timer);
  }, [editing, setError]);
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        void act(
          () =>
            client.PUT('/api/v1/templates/{key}', {
              params: { path: { key: editing.key } },
              body: { subject: editing.subject, body: editing.body },
            }),
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
      {preview && <TemplatePreview preview={preview} />}
      <div className="row">
        <button type="submit">Save the template</button>
        <button
          type="button"
          className="secondary"
          onClick={() =>
            void act(
              () => client.DELETE('/api/v1/templates/{key}', { params: { path: { key: editing.key } } }),
              'Back to the default.',
            )
          }
        >
          Back to the default
        </button>
      </div>
    </form>
  );
}

/** The template rendered with sample values, and what the checks found in it. */
function TemplatePreview({ preview }: { preview: Preview }) {
  return (
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
  );
}
