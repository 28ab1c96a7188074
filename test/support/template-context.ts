/**
 * What a template is rendered with in the template tests: one rejection at Northwind with every
 * variable a default template uses. Shared so that the engine's and the default copy's tests read
 * the same candidate.
 */
export const TEMPLATE_CONTEXT = {
  organization: { name: 'Northwind' },
  candidate: { name: 'Alex Morgan', first_name: 'Alex' },
  job: { title: 'Product Designer' },
  owner: { name: 'Sam Lee', email: 'sam.lee@northwind.example' },
  status_link: 'https://hearback.example/s/3f9c2a',
  reasons: ['The role needs deeper experience running user research independently.'],
  strengths: ['Your portfolio walkthrough was clear and well structured.'],
  recommendation: 'Leading a research project end to end would make a strong application next time.',
};
