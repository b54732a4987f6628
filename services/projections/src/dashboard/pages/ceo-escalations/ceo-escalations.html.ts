import type { CeoSummaryView } from '../../../queries/get-ceo-summary/get-ceo-summary.dto';
import type {
  CeoEscalationsPage,
  CeoEscalationView,
} from '../../../queries/list-ceo-escalations/list-ceo-escalations.dto';
import { html, Html } from '../../html';

const SLA_LABELS: Record<string, string> = { on_time: 'On time', at_risk: 'At risk', breached: 'Breached' };

/** "3 d 4 h", "5 h 12 min", "40 min": enough to compare at a glance; the exact time is in the title. */
export function age(seconds: number): string {
  const days = Math.floor(seconds / 86_400);
  const hours = Math.floor((seconds % 86_400) / 3_600);
  const minutes = Math.floor((seconds % 3_600) / 60);
  if (days > 0) return `${days} d ${hours} h`;
  if (hours > 0) return `${hours} h ${minutes} min`;
  return `${minutes} min`;
}

const label = (code: string) => code.replace(/_/g, ' ');

function row(item: CeoEscalationView): Html {
  return html`<tr data-complaint-id="${item.complaintId}">
    <th scope="row"><code title="${item.complaintId}">${item.complaintId.slice(0, 8)}</code></th>
    <td>${item.project}</td>
    <td>${item.region}</td>
    <td>${label(item.category)}</td>
    <td>${item.severity}</td>
    <td><span class="sla sla-${item.slaState}">${SLA_LABELS[item.slaState] ?? item.slaState}</span></td>
    <td data-age-seconds="${item.ageSeconds}">
      <time datetime="${item.filedAt}" title="filed ${item.filedAt}">${age(item.ageSeconds)}</time>
    </td>
    <td>${item.handOffs}${item.repeatComplaint ? html` <span class="tag">repeat</span>` : ''}</td>
    <td>
      <ol class="trail">
        ${item.escalationTrail.map(
          (step) =>
            html`<li>
              <span class="level">${label(step.level)}</span>
              <time datetime="${step.reachedAt}">${step.reachedAt.slice(0, 16).replace('T', ' ')}</time
              >${step.reason ? html`: ${step.reason}` : ''}
            </li>`,
        )}
      </ol>
    </td>
  </tr>`;
}

/** The part of the CEO page that refreshes itself: counters and rows, as of one moment. */
export function ceoEscalationsFragment(page: CeoEscalationsPage, summary: CeoSummaryView): Html {
  return html`<dl class="counters">
      <div>
        <dt>Open at the CEO office</dt>
        <dd data-counter="open">${page.total}</dd>
      </div>
      <div>
        <dt>SLA breaches this week</dt>
        <dd data-counter="breaches-this-week">${summary.breachesThisWeek}</dd>
      </div>
      <div>
        <dt>Breaches today</dt>
        <dd data-counter="breaches-today">${summary.breachesToday}</dd>
      </div>
    </dl>
    <table class="escalations">
      <caption>
        Open complaints at the CEO office, oldest first (${page.items.length} of ${page.total}), as of
        <time datetime="${page.asOf}">${page.asOf.slice(0, 19).replace('T', ' ')} UTC</time>
      </caption>
      <thead>
        <tr>
          <th scope="col">Complaint</th>
          <th scope="col">Project</th>
          <th scope="col">Region</th>
          <th scope="col">Category</th>
          <th scope="col">Severity</th>
          <th scope="col">SLA</th>
          <th scope="col">Age</th>
          <th scope="col">Hand-offs</th>
          <th scope="col">Escalation trail</th>
        </tr>
      </thead>
      <tbody>
        ${
          page.items.length === 0
            ? html`<tr>
                <td colspan="9">No open complaint is at the CEO office.</td>
              </tr>`
            : page.items.map(row)
        }
      </tbody>
    </table>`;
}

export function ceoEscalationsBody(fragment: Html, fragmentUrl: string): Html {
  return html`<h1>CEO escalations</h1>
    <p>Open complaints that reached the CEO office, oldest first. The page follows new events by itself.</p>
    <section
      id="ceo-live"
      aria-live="polite"
      aria-label="CEO escalations, updated live"
      data-fragment="${fragmentUrl}"
      data-events="/dashboard/events"
    >
      ${fragment}
    </section>`;
}
