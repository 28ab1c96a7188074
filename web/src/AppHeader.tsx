import { client, type Session } from './api.ts';
import { GlobalSearch } from './GlobalSearch.tsx';
import { screensFor } from './nav.ts';

/** The app's header: the screens the member's role may use, search, who is signed in, sign out. */
export function AppHeader({
  session,
  current,
  onSignedOut,
}: {
  session: Session;
  /** The current screen's path (or `application` / `candidate`), marked in the navigation. */
  current: string;
  onSignedOut: () => void;
}) {
  const screens = screensFor(session.member.role, session.permissions);
  return (
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
            void client.POST('/api/v1/auth/sign-out').then(onSignedOut);
          }}
        >
          Sign out
        </button>
      </div>
    </header>
  );
}
