/**
 * The default email copy: the texts every organization starts with, before anyone edits them.
 * Pure data.
 */
import type { TemplateKey, TemplateSource } from './template-engine.ts';

const SIGNATURE = ['Best regards,', '{{ owner.name }}', '{{ organization.name }}'].join('\n');
const STATUS_LINE =
  '{%- if status_link != blank %}\n\nYou can check where things stand at any time: {{ status_link }}\n{%- endif %}';

const CALENDAR_STATUS_LINE =
  '{%- if status_link != blank %}\n\nYour status page: {{ status_link }}\n{%- endif %}';

function body(...paragraphs: string[]): string {
  return paragraphs.join('\n\n');
}

/** The templates an organization starts with; principle 4 of DESIGN.md, in words. */
export const DEFAULT_TEMPLATES: Record<TemplateKey, TemplateSource> = {
  rejection: {
    subject: 'Your application for {{ job.title }} at {{ organization.name }}',
    body:
      body(
        'Hi {{ candidate.first_name }},',
        'Thank you for taking the time to interview for the {{ job.title }} role. I’m sorry to tell you that we won’t be moving forward with your application.',
        [
          'We made this decision because:',
          '{%- for reason in reasons %}',
          '- {{ reason }}',
          '{%- else %}',
          '- [Add the reasons for this decision]',
          '{%- endfor %}',
          '{%- if strengths.size > 0 %}',
          '',
          'What stood out to us:',
          '{%- for strength in strengths %}',
          '- {{ strength }}',
          '{%- endfor %}',
          '{%- endif %}',
        ].join('\n'),
        'For the future: {% if recommendation != blank %}{{ recommendation }}{% else %}[Add a recommendation for the future]{% endif %}',
        'Thank you again for your interest in {{ organization.name }}. We wish you the best of luck in your search, and we’d be glad to stay in touch about future roles.',
        SIGNATURE,
      ) + STATUS_LINE,
  },
  advance: {
    subject: 'Next steps for the {{ job.title }} role at {{ organization.name }}',
    body:
      body(
        'Hi {{ candidate.first_name }},',
        'Thank you for interviewing for the {{ job.title }} role. We enjoyed meeting you, and I’m happy to tell you that we’d like to move forward with your application.',
        'Next step: {% if next_steps != blank %}{{ next_steps }}{% else %}[Describe the next steps]{% endif %}',
        'Expected timeline: {% if timeline != blank %}{{ timeline }}{% else %}[Add an estimated timeline]{% endif %}',
        'If you have any questions in the meantime, just reply to this email.',
        SIGNATURE,
      ) + STATUS_LINE,
  },
  offer: {
    subject: 'An offer for the {{ job.title }} role at {{ organization.name }}',
    body:
      body(
        'Hi {{ candidate.first_name }},',
        'I’m delighted to tell you that we’d like to offer you the {{ job.title }} role at {{ organization.name }}. Everyone you met was impressed, and we’d love to have you on the team.',
        'Next step: {% if next_steps != blank %}{{ next_steps }}{% else %}[Describe the next steps]{% endif %}',
        'Expected timeline: {% if timeline != blank %}{{ timeline }}{% else %}[Add an estimated timeline]{% endif %}',
        'If you have any questions about the offer, just reply to this email or ask me for a call.',
        SIGNATURE,
      ) + STATUS_LINE,
  },
  update: {
    subject: 'An update on your application for {{ job.title }}',
    body:
      body(
        'Hi {{ candidate.first_name }},',
        '{% if late %}We said you would hear from us by {{ promised_date }} about the {{ job.title }} role. I’m sorry for the delay: we haven’t been able to keep that date.{% else %}A short update on the {{ job.title }} role, before the date we gave you ({{ promised_date }}).{% endif %}',
        'We’re still deciding{% if reason != blank %}, because {{ reason }}{% endif %}, and I didn’t want to leave you waiting without news. {% if new_date != blank and new_date != promised_date %}You’ll hear from us by {{ new_date }}.{% elsif late %}You’ll hear from us by [Add the new date].{% else %}You’ll still hear from us by {{ promised_date }}.{% endif %}',
        'Thank you for your patience. If anything changes on your side in the meantime, just reply to this email.',
        SIGNATURE,
      ) + STATUS_LINE,
  },
  job_closed: {
    subject: 'Your application for {{ job.title }} at {{ organization.name }}',
    body:
      body(
        'Hi {{ candidate.first_name }},',
        '{% if reach == "final" %}Thank you for the time you gave us through every round, up to the final interviews, for the {{ job.title }} role.{% elsif reach == "interviewed" %}Thank you for interviewing for the {{ job.title }} role.{% else %}Thank you for applying for the {{ job.title }} role.{% endif %} I’m sorry to tell you that we won’t be moving forward with your application: {% if outcome == "filled" %}we have now filled the position{% else %}we have decided to close the position without hiring{% endif %}.',
        'We made this decision because {% if outcome == "filled" %}the role had a single opening{% if reach == "final" %}, and after the final round we offered it to the person whose experience matched what the team needs most right now. It was a close decision{% else %}, and it is now taken, so we are not continuing with the other applications{% endif %}{% else %}the team’s plans changed and the {{ job.title }} role is no longer open, so we are not continuing with any applications for it{% endif %}.',
        'For the future: {% if reach == "final" %}you came close, and we would welcome an application from you when a similar role opens; keep building on the work you showed us in the final round.{% elsif reach == "interviewed" %}keep building on the experience you told us about in your interview, and apply again when a role that matches it opens here.{% else %}watch our careers page for new roles that match your experience, and apply again when one opens.{% endif %}',
        'Thank you again for your interest in {{ organization.name }}. We wish you the best of luck in your search, and we’d be glad to stay in touch about future roles.',
        SIGNATURE,
      ) + STATUS_LINE,
  },
  status_link: {
    subject: 'Your application status at {{ organization.name }}',
    body: body(
      'Hi {{ candidate.first_name }},',
      'Thank you for interviewing for the {{ job.title }} role. You can follow your application on your private status page:',
      '{{ status_link }}',
      'There you’ll see where things stand and when to expect news from us, and you can send us a message. The link is personal, so please don’t share it.',
      SIGNATURE,
    ),
  },
  reminder: {
    subject: 'Reminder: {{ candidate.name }} is due to hear from you by {{ due }}',
    body: body(
      'Hi {{ member.name }},',
      '{{ candidate.name }} was promised an outcome for the {{ job.title }} role by {{ due }}, and you own this follow-up.{% if promise != blank %} What was said: “{{ promise }}”{% endif %}',
      'Please send the outcome before then. If the decision isn’t made yet, send an honest update with a new date: a promise is never broken silently.',
      'Decide and send it here: {{ action_url }}',
      '— Hearback for {{ organization.name }}',
    ),
  },
  escalation: {
    subject:
      'Overdue: {{ candidate.name }} is waiting {{ days_overdue }} day{% if days_overdue != 1 %}s{% endif %} past the promised date',
    body: body(
      'Hi {{ member.name }},',
      '{{ candidate.name }} was promised an outcome for the {{ job.title }} role by {{ due }}. That was {{ days_overdue }} day{% if days_overdue != 1 %}s{% endif %} ago, and {{ owner.name }}, who owns the follow-up, hasn’t sent it yet.',
      'Please check in with {{ owner.name }} so that {{ candidate.name }} hears from us today: the outcome, or an honest update with a new date.',
      'Decide it, or hand it on, here: {{ action_url }}',
      '— Hearback for {{ organization.name }} (escalation level {{ level }})',
    ),
  },
  digest: {
    subject: 'Follow-ups: {{ overdue.size }} overdue, {{ due_today.size }} due today',
    body: body(
      'Hi {{ member.name }},',
      [
        '{% if overdue.size > 0 %}Overdue:',
        '{%- for item in overdue %}',
        '- {{ item.candidate }}, {{ item.job }} (was due {{ item.due }}): {{ item.url }}',
        '{%- endfor %}',
        '{%- else %}Nothing is overdue.{% endif %}',
      ].join('\n'),
      [
        '{% if due_today.size > 0 %}Due today:',
        '{%- for item in due_today %}',
        '- {{ item.candidate }}, {{ item.job }} (due {{ item.due }}): {{ item.url }}',
        '{%- endfor %}',
        '{%- else %}Nothing is due today.{% endif %}',
      ].join('\n'),
      'Open Hearback: {{ app_url }}',
      '— Hearback for {{ organization.name }}',
    ),
  },
  written_promise: {
    subject: 'Thank you for your time: when you will hear from us about {{ job.title }}',
    body:
      body(
        'Hi {{ candidate.first_name }},',
        'Thank you for interviewing for the {{ job.title }} role at {{ organization.name }}. We appreciated the time you gave us.',
        'What happens next: the interviewers share their feedback, and we decide on the next step.',
        '{{ owner.name }} will contact you {{ contact_how }} by {{ due }}{% if time_zone != blank %} ({{ time_zone }} time){% endif %}, with the outcome or, if we need longer, an honest update and a new date.',
        'If you have any questions in the meantime, just reply to this email.',
        SIGNATURE,
      ) + STATUS_LINE,
  },
  pool_invitation: {
    subject: 'Stay in touch with {{ organization.name }}?',
    body: body(
      'Hi {{ candidate.first_name }},',
      'Thank you again for your time with us on the {{ job.title }} role. We would like to keep in touch about {% if offer != blank %}{{ offer }}{% else %}future roles that fit you{% endif %}.',
      'If you would like that, say so on your page — you choose for how long, and you can change your mind at any time:\n{{ status_link }}',
      'If we do not hear from you, we will not contact you about other roles.',
      '{{ owner.name }}\n{{ organization.name }}',
    ),
  },
  calendar_invitation: {
    subject: 'Invitation: {{ interview.title }}: {{ job.title }} — {{ organization.name }}',
    body:
      body(
        'Hi {{ candidate.first_name }},',
        '{{ interview.title }} for the {{ job.title }} role: {{ when }}.{% if location != blank %}\nWhere: {{ location }}{% endif %}',
        'The invitation is attached for your calendar. If the time does not suit you, just reply to this email.',
        SIGNATURE,
      ) + CALENDAR_STATUS_LINE,
  },
  calendar_update: {
    subject: 'Updated: {{ interview.title }}: {{ job.title }} — {{ organization.name }}',
    body:
      body(
        'Hi {{ candidate.first_name }},',
        'Your {{ interview.title }} for the {{ job.title }} role has changed. It is now: {{ when }}.{% if location != blank %}\nWhere: {{ location }}{% endif %}',
        'The updated invitation is attached and replaces the earlier one in your calendar. If the new time does not suit you, just reply to this email.',
        SIGNATURE,
      ) + CALENDAR_STATUS_LINE,
  },
  calendar_cancel: {
    subject: 'Cancelled: {{ interview.title }}: {{ job.title }} — {{ organization.name }}',
    body:
      body(
        'Hi {{ candidate.first_name }},',
        'The {{ interview.title }} for the {{ job.title }} role on {{ when }} is cancelled. We will be in touch about what happens next.',
        SIGNATURE,
      ) + CALENDAR_STATUS_LINE,
  },
  failure_alert: {
    subject: 'Not delivered: your email to {{ candidate.name }}',
    body: body(
      'Hi {{ member.name }},',
      'Your email “{{ subject }}” to {{ candidate.name }} could not be delivered:',
      '{{ error }}',
      '{{ candidate.name }} has not received it, so the follow-up stays open. Please check the address, or reach them another way, for example by phone, and log the call.',
      '— Hearback for {{ organization.name }}',
    ),
  },
};
