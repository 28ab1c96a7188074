import { useCallback, useEffect, useState } from 'react';
import { api, ApiError, setCsrf, type Session } from './api.ts';
import { ApplicationScreen } from './ApplicationScreen.tsx';
import { FollowUpsScreen } from './FollowUpsScreen.tsx';
import { JobsScreen } from './JobsScreen.tsx';
import { ReportsScreen } from './ReportsScreen.tsx';
import { SettingsScreen } from './SettingsScreen.tsx';
import { SignInScreen } from './SignInScreen.tsx';

/** Hash routes keep the server simple: every path is the one index.html. */
function useRoute(): string {
  const [route, setRoute] = useState(window.location.hash.slice(1) || '/');
  useEffect(() => {
    const onChange = () => setRoute(window.location.hash.slice(1) || '/');
    window.addEventListener('hashchange', onChange);
    return () => window.removeEventListener('hashchange', onChange);
  }, []);
  return route;
}

/** The team's web app: sign in, then the follow-up queue and each application's timeline. */
export function App() {
  const [session, setSession] = useState<Session | null | undefined>(undefined);
  const route = useRoute();

  const load = useCallback(async () => {
    try {
      const s = await api<Session>('GET', '/auth/session');
      setCsrf(s.csrfToken);
      setSession(s);
    } catch (error) {
      if (error instanceof ApiError && error.status === 401) setSession(null);
      else throw error;
    }
  }, []);
  useEffect(() => {
    void load();
  }, [load]);

  if (session === undefined) return <p role="status">Loading…</p>;
  if (session === null) {
    return (
      <SignInScreen
        onSignedIn={(s) => {
          setCsrf(s.csrfToken);
          setSession(s);
        }}
      />
    );
  }
  const application = /^\/applications\/([0-9a-f-]{36})$/.exec(route);
  return (
    <>
      <a className="skip" href="#main">
        Skip to content
      </a>
      <header>
        <nav aria-label="Main">
          <a href="#/">Follow-ups</a>
          <a href="#/jobs">Jobs</a>
          {session.member.role !== 'interviewer' && <a href="#/reports">Reports</a>}
          {session.member.role === 'admin' && <a href="#/settings">Settings</a>}
        </nav>
        <div className="row" style={{ marginTop: 0 }}>
          <span className="meta">
            {session.member.name} · {session.organization.name}
          </span>
          <button
            className="secondary"
            onClick={() => {
              void api('POST', '/auth/sign-out').then(() => setSession(null));
            }}
          >
            Sign out
          </button>
        </div>
      </header>
      <main id="main">
        {application ? (
          <ApplicationScreen applicationId={application[1]!} session={session} />
        ) : route === '/reports' ? (
          <ReportsScreen />
        ) : route === '/settings' ? (
          <SettingsScreen />
        ) : route === '/jobs' ? (
          <JobsScreen session={session} />
        ) : (
          <FollowUpsScreen session={session} />
        )}
      </main>
    </>
  );
}
