/** What every message to a candidate can name: who writes, to whom, about which job, and the link. */
export interface CandidateContextFacts {
  organizationName: string;
  candidateName: string;
  jobTitle: string;
  /** The member the candidate hears from; null reads as empty (no owner named). */
  owner: { name: string; email: string } | null;
  /** Where the status link goes (masked in stored copies; the dispatcher mints the real one). */
  statusLink: string;
}

/** The candidate's first name as templates greet them: the first word of their name. */
export function firstNameOf(name: string): string {
  return name.split(/\s+/)[0] ?? name;
}

/**
 * The template context shared by every message to a candidate (`organization`, `candidate`, `job`,
 * `owner`, `status_link`); a message adds its own variables beside it.
 */
export function candidateTemplateContext(f: CandidateContextFacts): {
  organization: { name: string };
  candidate: { name: string; first_name: string };
  job: { title: string };
  owner: { name: string; email: string };
  status_link: string;
} {
  return {
    organization: { name: f.organizationName },
    candidate: { name: f.candidateName, first_name: firstNameOf(f.candidateName) },
    job: { title: f.jobTitle },
    owner: { name: f.owner?.name ?? '', email: f.owner?.email ?? '' },
    status_link: f.statusLink,
  };
}
