import { Component, lazy, Suspense, useCallback, useEffect, useState, type ReactNode } from 'react';
import { GlobalSearch } from './GlobalSearch.tsx';
import { ApiError, client, dataOf, setCsrf, type Session } from './api.ts';
import { setServerNow } from './format.ts';
import { homeOf, SCREENS, screensFor } from './nav.ts';
import { SignInScreen } from './SignInScreen.tsx';

// One chunk per screen: signing in and the first screen load only what they show.
const FollowUpsScreen = lazy(() =>
  import('./FollowUpsScreen.tsx').then((m) => ({ default: m.FollowUpsScreen })),
);
const ApplicationScreen = lazy(() =>
  import('./ApplicationScreen.tsx').then((m) => ({ default: m.ApplicationScreen })),
);
const CandidateScreen = lazy(() =>
  import('./CandidateScreen.tsx').then((m) => ({ default: m.CandidateScreen })),
);
const JobsScreen = lazy(() => import('./JobsScreen.tsx').then((m) => ({ default: m.JobsScreen })));
const ToSendScreen = lazy(() => import('./ToSendScreen.tsx').then((m) => ({ default: m.ToSendScreen })));
const PipelineScreen = lazy(() =>
  import('./PipelineScreen.tsx').then((m) => ({ default: m.PipelineScreen })),
);
const ReportsScreen = lazy(() => import('./ReportsScreen.tsx').then((m) => ({ default: m.ReportsScreen })));
const DeskScreen = lazy(() => import('./DeskScreen.tsx').then((m) => ({ default: m.DeskScreen })));
const TalentPoolScreen = lazy(() =>
  import('./TalentPoolScreen.tsx').then((m) => ({ default: m.TalentPoolScreen })),
);
const InboxScreen = lazy(() => import('./InboxScreen.tsx').then((m) => ({ default: m.InboxScreen })));
const ImportScreen = lazy(() => import('./ImportScreen.tsx').then((m) => ({ default: m.ImportScreen })));
const ScorecardsScreen = lazy(() =>
  import('./ScorecardsScreen.tsx').then((m) => ({ default: m.ScorecardsScreen })),
);
const WaitingOnMeScreen = lazy(() =>
  import('./WaitingOnMeScreen.tsx').then((m) => ({ default: m.WaitingOnMeScreen })),
);
const SettingsScreen = lazy(() =>
  import('./SettingsScreen.tsx').then((m) => ({ default: m.SettingsScreen })),
);

/**
 * A screen that failed to load or render (a chunk gone after an upgrade, a bug) shows a way out
 * instead of a blank page. Keyed by route, so moving elsewhere starts afresh.
 */
class ScreenBoundary extends Component<{ children: ReactNode }, { failed: boolean }> {
  override state = { failed: false };
  static getDerivedStateFromError(): { failed: boolean } {
    return { failed: true };
  }
  override render() {
    if (!this.state.failed) return this.props.children;
    return (
      <div className="error" role="alert">
        <p style={{ marginTop: 0 }}>This screen could not be shown.</p>
        <button type="button" onClick={() => window.location.reload()}>
          Reload
        </button>
      </div>
    );
  }
}

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
      const s = await dataOf(client.GET('/api/v1/auth/session'));
      setCsrf(s.csrfToken);
      setServerNow(s.now);
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
          setServerNow(s.now);
          setSession(s);
        }}
      />
    );
  }
  const [raw, query = ''] = route.split('?') as [string, string?];
  const role = session.member.role;
  // "#/" is the member's home: each role lands on its own view.
  const path = raw === '/' ? homeOf(role) : raw;
  const application = /^\/applications\/([0-9a-f-]{36})$/.exec(path);
  const candidate = /^\/candidates\/([0-9a-f-]{36})$/.exec(path);
  const pipeline = /^\/jobs\/([0-9a-f-]{36})\/pipeline$/.exec(path);
  const next = new URLSearchParams(query).get('next') ?? undefined;
  const current = application ? 'application' : candidate ? 'candidate' : path;
  const screens = screensFor(role, session.permissions);
  // A screen that is not the member's to use says so instead of failing on its requests.
  const known = SCREENS.some((x) => x.path === path);
  const refused = !application && known && !screens.some((x) => x.path === path);
  return (
    <>
      <a
        className="skip"
        href="#main"
        onClick={(e) => {
          // The app routes on the hash: "#main" would navigate away instead of moving focus.
          e.preventDefault();
          document.getElementById('main')?.focus();
        }}
      >
        Skip to content
      </a>
      <header>
        <nav aria-label="Main">
          {screens.map((x) => (
            <a key={x.path} href={`#${x.path}`} aria-current={current === x.path ? 'page' : undefined}>
              {x.label}
            </a>
          ))}
        </nav>
        <GlobalSearch permissions={session.permissions} />
        <div className="row who">
          <span className="meta">
            {session.member.name} · {session.organization.name}
          </span>
          <button
            className="secondary"
            onClick={() => {
              void client.POST('/api/v1/auth/sign-out').then(() => setSession(null));
            }}
          >
            Sign out
          </button>
        </div>
      </header>
      <main id="main" tabIndex={-1}>
        <ScreenBoundary key={path}>
          <Suspense fallback={<p role="status">Loading…</p>}>
            {refused ? (
              <>
                <h1>Not part of your role</h1>
                <p>
                  This screen is for other roles. <a href={`#${homeOf(role)}`}>Back to your home</a>
                </p>
              </>
            ) : application ? (
              <ApplicationScreen
                key={application[1]}
                applicationId={application[1]!}
                session={session}
                next={next}
              />
            ) : candidate ? (
              <CandidateScreen key={candidate[1]} candidateId={candidate[1]!} session={session} />
            ) : pipeline ? (
              <PipelineScreen key={pipeline[1]} jobId={pipeline[1]!} />
            ) : path === '/reports' ? (
              <ReportsScreen />
            ) : path === '/settings' ? (
              <SettingsScreen />
            ) : path === '/import' ? (
              <ImportScreen />
            ) : path === '/to-send' ? (
              <ToSendScreen />
            ) : path === '/inbox' ? (
              <InboxScreen />
            ) : path === '/talent-pool' ? (
              <TalentPoolScreen query={query} />
            ) : path === '/desk' ? (
              <DeskScreen />
            ) : path === '/jobs' ? (
              <JobsScreen session={session} />
            ) : path === '/scorecards' ? (
              <ScorecardsScreen session={session} />
            ) : path === '/waiting' ? (
              <WaitingOnMeScreen session={session} />
            ) : (
              <FollowUpsScreen session={session} query={query} />
            )}
          </Suspense>
        </ScreenBoundary>
      </main>
    </>
  );
}
