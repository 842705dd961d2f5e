import { formatCents } from '../../../form-logic/index.js';
import { STATE_LABELS } from '../../../process-logic/index.js';
import { formatDateTime } from '../app/format.js';
import type { ApplicationState, FinancingKind, Role } from '../gql/graphql.js';

/** „Eingereicht“ */
export const applicationStateLabel = (state: ApplicationState): string => STATE_LABELS.application[state];

export const FINANCING_LABELS: Readonly<Record<FinancingKind, string>> = {
  FEE: 'Entgeltfinanziert: Fachleistungsstunden (§ 77 SGB VIII)',
  GRANT: 'Kreiszuschuss (§ 74 SGB VIII)',
};

/** „1.234,56 €“ from cents; „–“ when unknown. */
export const euros = (cents: number | null | undefined): string =>
  cents === null || cents === undefined ? '–' : formatCents(cents);

/** „24.11.2026, 10:15 Uhr“ or „–“. */
export const dateTime = (value: string | null | undefined): string => (value ? formatDateTime(value) : '–');

/** The requested amount of the latest submitted revision (null before the first submit). */
export const latestRequestedAmount = (
  revisions: readonly { number: number; requestedAmount?: number | null }[],
): number | null => {
  const latest = [...revisions].sort((a, b) => b.number - a.number)[0];
  return latest?.requestedAmount ?? null;
};

/** Where a call belongs: its Sozialraum or „Kreisweit“. */
export const callArea = (call: { countyWide: boolean; socialArea?: { name: string } | null }): string =>
  call.countyWide ? 'Kreisweit' : (call.socialArea?.name ?? '–');

/** Who is invited: „alle Träger“ or the names. */
export const invitedText = (call: { openToAll: boolean; invitedProviders: readonly { name: string }[] }) =>
  call.openToAll ? 'Alle Träger' : call.invitedProviders.map((provider) => provider.name).join(', ') || '–';

/** The roles that fill applications (provider staff); the server checks the Träger. */
export const APPLICANT_ROLES: readonly Role[] = ['PROVIDER'];

/** The roles that find applications in their list: provider staff (own) and the scoring team lead. */
export const APPLICATION_LIST_ROLES: readonly Role[] = ['PROVIDER', 'TEAM_LEAD'];

/** „31.12.2026, 23:59“ → ISO instant; undefined for anything else. Dates and times are German local time. */
export const deadlineInstant = (date: string, time: string): string | undefined => {
  const dateMatch = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/.exec(date.trim());
  const timeMatch = /^(\d{1,2}):(\d{2})$/.exec(time.trim());
  if (!dateMatch || !timeMatch) return undefined;
  const [day, month, year] = [Number(dateMatch[1]), Number(dateMatch[2]), Number(dateMatch[3])];
  const [hours, minutes] = [Number(timeMatch[1]), Number(timeMatch[2])];
  if (hours > 23 || minutes > 59) return undefined;
  const local = new Date(year, month - 1, day, hours, minutes);
  if (local.getFullYear() !== year || local.getMonth() !== month - 1 || local.getDate() !== day) {
    return undefined;
  }
  return local.toISOString();
};
