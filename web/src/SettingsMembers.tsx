import { useRef, useState } from 'react';
import { client, dataOf, type Schema } from './api.ts';

type Role = Schema<'Member'>['role'];
const ROLES: Role[] = ['admin', 'recruiter', 'hiring_manager', 'interviewer'];

/** Settings' members: who has access (deactivating asks first) and the invitation form. */
export function MembersSection({
  members,
  act,
}: {
  members: Schema<'Member'>[];
  act: (what: () => Promise<unknown>, done: string) => Promise<void>;
}) {
  // Deactivating signs the member out everywhere and ends their tokens: it asks first.
  const [deactivating, setDeactivating] = useState<string | null>(null);
  return (
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
                  <MemberAccess
                    member={m}
                    confirming={deactivating === m.id}
                    setConfirming={(on) => setDeactivating(on ? m.id : null)}
                    act={act}
                  />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <InviteForm act={act} />
    </section>
  );
}

type Act = (what: () => Promise<unknown>, done: string) => Promise<void>;

/** A member's access: deactivate (after a confirmation), or that they are deactivated. */
function MemberAccess({
  member: m,
  confirming,
  setConfirming,
  act,
}: {
  member: Schema<'Member'>;
  confirming: boolean;
  setConfirming: (on: boolean) => void;
  act: Act;
}) {
  return m.active && confirming ? (
    <div role="group" aria-label={`Confirm deactivating ${m.name}`} className="confirm">
      {m.name} will be signed out everywhere and their API tokens stop working.{' '}
      <button
        className="danger"
        onClick={() => {
          setConfirming(false);
          void act(
            () =>
              client.PATCH('/api/v1/members/{id}', {
                params: { path: { id: m.id } },
                body: { active: false },
              }),
            `${m.name} can no longer sign in.`,
          );
        }}
      >
        Yes, deactivate {m.name}
      </button>{' '}
      <button className="secondary" onClick={() => setConfirming(false)}>
        Keep {m.name}
      </button>
    </div>
  ) : m.active ? (
    <button className="secondary" onClick={() => setConfirming(true)}>
      Deactivate {m.name}
    </button>
  ) : (
    'deactivated'
  );
}

/** Invite someone: creates the member, then sends the invitation (a retry only re-sends it). */
function InviteForm({ act }: { act: Act }) {
  const [invite, setInvite] = useState<{ name: string; email: string; role: Role }>({
    name: '',
    email: '',
    role: 'interviewer',
  });
  const invited = useRef<{ email: string; id: string } | null>(null);
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        void act(async () => {
          // A retry after the member was created but the invitation failed only re-sends it
          // (creating the same email again would be refused as a duplicate).
          let id = invited.current?.email === invite.email ? invited.current.id : null;
          if (!id) {
            id = (await dataOf(client.POST('/api/v1/members', { body: invite }))).id;
            invited.current = { email: invite.email, id };
          }
          await client.POST('/api/v1/members/{id}/invite', { params: { path: { id } } });
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
        onChange={(e) => setInvite({ ...invite, role: e.target.value as Role })}
      >
        {ROLES.map((r) => (
          <option key={r} value={r}>
            {r.replace('_', ' ')}
          </option>
        ))}
      </select>
      <button type="submit">Send the invitation</button>
    </form>
  );
}
