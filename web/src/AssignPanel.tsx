import { useCallback, useEffect, useRef, useState } from 'react';
import { Alerts } from './Alerts.tsx';
import { client, dataOf, everyItem, messageOf, type Schema } from './api.ts';

type InboundEmail = Schema<'InboundEmail'>;
type Candidate = Schema<'Candidate'>;
type Application = Schema<'Application'>;

/** Candidates for a search term: the exact email match when it is an address, else by name or email. */
async function findCandidates(term: string): Promise<Candidate[]> {
  if (term.includes('@') && /^\S+@\S+\.\S+$/.test(term)) {
    const page = await dataOf(client.GET('/api/v1/candidates', { params: { query: { email: term } } }));
    if (page.items.length > 0) return page.items;
  }
  const page = await dataOf(client.GET('/api/v1/candidates', { params: { query: { limit: 20, q: term } } }));
  return page.items;
}

/**
 * The panel's state: the candidates found, the one chosen, their applications with job titles,
 * the application chosen; `search` and `choose` move it along.
 */
function useAssignChoice(setError: (words: string) => void) {
  const [found, setFound] = useState<Candidate[] | null>(null);
  const [candidate, setCandidate] = useState<Candidate | null>(null);
  const [applications, setApplications] = useState<Application[] | null>(null);
  const [jobs, setJobs] = useState<Record<string, string>>({});
  const [applicationId, setApplicationId] = useState('');

  const search = useCallback(
    async (q: string) => {
      setError('');
      setCandidate(null);
      setApplications(null);
      setApplicationId('');
      const term = q.trim().toLowerCase();
      if (!term) {
        setFound([]);
        return;
      }
      try {
        setFound(await findCandidates(term));
      } catch (e) {
        setError(messageOf(e, 'Could not search the candidates.'));
      }
    },
    [setError],
  );

  async function choose(c: Candidate) {
    setCandidate(c);
    setApplications(null);
    setApplicationId('');
    setError('');
    try {
      const [apps, jobList] = await Promise.all([
        everyItem((query) =>
          client.GET('/api/v1/applications', { params: { query: { ...query, candidateId: c.id } } }),
        ),
        everyItem((query) => client.GET('/api/v1/jobs', { params: { query } })),
      ]);
      setJobs(Object.fromEntries(jobList.map((j) => [j.id, j.title])));
      setApplications(apps);
      if (apps.length === 1) setApplicationId(apps[0]!.id);
    } catch (e) {
      setError(messageOf(e, 'Could not load their applications.'));
    }
  }

  return { found, candidate, applications, jobs, applicationId, setApplicationId, search, choose };
}

/** What assigning did, in words: to whom, which job, and how many follow-ups it closed. */
function assignedWords(name: string, job: string, closed: number): string {
  return (
    `Assigned to ${name} · ${job}: recorded as their reply` +
    (closed ? `; ${closed} follow-up${closed === 1 ? '' : 's'} it answers closed.` : '.')
  );
}

/**
 * Choosing the application: find the candidate (by email through the API's exact match, by name
 * among the organization's candidates), then pick one of their applications.
 */
export function AssignPanel({
  mail,
  onCancel,
  onAssigned,
}: {
  mail: InboundEmail;
  onCancel: () => void;
  onAssigned: (message: string) => void;
}) {
  const [query, setQuery] = useState(mail.fromAddress);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');
  const choice = useAssignChoice(setError);
  const { candidate, applications, applicationId, search } = choice;

  // Mail waits here only when its sender is a known candidate: look them up at once.
  useEffect(() => {
    void search(mail.fromAddress);
  }, [mail.fromAddress, search]);

  async function assign() {
    if (!candidate || !applicationId) return;
    setBusy(true);
    setError('');
    try {
      const r = await dataOf(
        client.POST('/api/v1/inbox/{id}/assign', {
          params: { path: { id: mail.id } },
          body: { applicationId },
        }),
      );
      const job = choice.jobs[applications?.find((a) => a.id === applicationId)?.jobId ?? ''] ?? 'the job';
      onAssigned(assignedWords(candidate.name, job, r.closedFollowUps.length));
    } catch (e) {
      setError(messageOf(e, 'Could not assign the mail.'));
      setBusy(false);
    }
  }

  const titleId = `assign-${mail.id}`;
  return (
    <div className="assign" role="group" aria-labelledby={titleId}>
      <h3 id={titleId} style={{ marginTop: 0 }}>
        Assign to an application
      </h3>
      <Alerts error={error} />
      <CandidateSearchForm inputId={`q-${mail.id}`} query={query} onQuery={setQuery} onSearch={search} />
      {choice.found !== null && (
        <CandidateChoice
          mailId={mail.id}
          found={choice.found}
          query={query}
          chosen={candidate}
          onChoose={(c) => void choice.choose(c)}
        />
      )}
      {candidate && applications !== null && (
        <ApplicationChoice
          mailId={mail.id}
          candidate={candidate}
          applications={applications}
          jobs={choice.jobs}
          chosen={applicationId}
          onChoose={choice.setApplicationId}
        />
      )}
      <div className="row">
        <button type="button" disabled={busy || !applicationId} onClick={() => void assign()}>
          Assign
        </button>
        <button type="button" className="secondary" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </div>
  );
}

/** The candidates a search found, one to choose (at most 20 shown). */
function CandidateChoice({
  mailId,
  found,
  query,
  chosen,
  onChoose,
}: {
  mailId: string;
  found: Candidate[];
  query: string;
  chosen: Candidate | null;
  onChoose: (c: Candidate) => void;
}) {
  if (found.length === 0)
    return (
      <p className="empty" role="status">
        No candidate matches “{query}”.
      </p>
    );
  return (
    <fieldset>
      <legend>Candidate</legend>
      {found.slice(0, 20).map((c) => (
        <label key={c.id} className="choice">
          <input
            type="radio"
            name={`candidate-${mailId}`}
            checked={chosen?.id === c.id}
            onChange={() => onChoose(c)}
          />
          {c.name}
          {c.email && <span className="meta"> · {c.email}</span>}
        </label>
      ))}
      {found.length > 20 && <p className="meta">{found.length - 20} more: narrow the search.</p>}
    </fieldset>
  );
}

/** The chosen candidate's applications, one to choose, by job and stage. */
function ApplicationChoice({
  mailId,
  candidate,
  applications,
  jobs,
  chosen,
  onChoose,
}: {
  mailId: string;
  candidate: Candidate;
  applications: Application[];
  jobs: Record<string, string>;
  chosen: string;
  onChoose: (id: string) => void;
}) {
  if (applications.length === 0)
    return <p className="empty">{candidate.name} has no application to assign this to.</p>;
  return (
    <fieldset>
      <legend>Application</legend>
      {applications.map((a) => (
        <label key={a.id} className="choice">
          <input
            type="radio"
            name={`application-${mailId}`}
            checked={chosen === a.id}
            onChange={() => onChoose(a.id)}
          />
          {jobs[a.jobId] ?? 'A job'} — {a.stage} ({a.status})
        </label>
      ))}
    </fieldset>
  );
}

/** The search for the candidate, by name or email; focused as the panel opens. */
function CandidateSearchForm({
  inputId,
  query,
  onQuery,
  onSearch,
}: {
  inputId: string;
  query: string;
  onQuery: (q: string) => void;
  onSearch: (q: string) => Promise<void>;
}) {
  const input = useRef<HTMLInputElement>(null);
  useEffect(() => input.current?.focus(), []);
  return (
    <form
      role="search"
      aria-label="Find the candidate"
      onSubmit={(e) => {
        e.preventDefault();
        void onSearch(query);
      }}
    >
      <label htmlFor={inputId}>Candidate name or email</label>
      <div className="row" style={{ marginTop: 0, flexWrap: 'nowrap' }}>
        <input id={inputId} ref={input} value={query} onChange={(e) => onQuery(e.target.value)} />
        <button type="submit" className="secondary">
          Search
        </button>
      </div>
    </form>
  );
}
