/** Runs SQL with `?` placeholders (a command's transaction or a request's entity manager). */
export type RunSql = <T = Record<string, unknown>>(
  query: string,
  params?: readonly unknown[],
) => Promise<T[]>;

/** The figures of one Sozialraum (null: kreisweit) in one budget year, in cents. */
export interface AreaFigures {
  socialAreaId: string | null;
  allocated: number;
  committed: number;
  committedGrant: number;
  committedFee: number;
  paid: number;
  paidGrant: number;
  paidFee: number;
  /** allocated − committed. */
  remaining: number;
  /** Whether any allocation entry exists for the area and year. */
  hasAllocation: boolean;
}

/**
 * The figures summed from the ledger's monthly totals (ledger_month_total: per budget year, month,
 * Sozialraum, Regionalteam, kind and financing kind, kept by a trigger in every booking's transaction, so
 * they include the caller's own uncommitted entries), a few hundred rows per year instead of every entry.
 */
const FIGURES_COLUMNS = `
  coalesce(sum("amount") filter (where "kind" = 'ALLOCATION'), 0)::bigint as "allocated",
  coalesce(sum("entries") filter (where "kind" = 'ALLOCATION'), 0)::int as "allocations",
  coalesce(sum("amount") filter (where "kind" in ('COMMITMENT', 'CANCELLATION')), 0)::bigint as "committed",
  coalesce(sum("amount") filter (where "kind" in ('COMMITMENT', 'CANCELLATION') and "financing_kind" = 'GRANT'), 0)::bigint as "committed_grant",
  coalesce(sum("amount") filter (where "kind" in ('COMMITMENT', 'CANCELLATION') and "financing_kind" = 'FEE'), 0)::bigint as "committed_fee",
  coalesce(sum("amount") filter (where "kind" in ('PAYMENT', 'REPAYMENT')), 0)::bigint as "paid",
  coalesce(sum("amount") filter (where "kind" in ('PAYMENT', 'REPAYMENT') and "financing_kind" = 'GRANT'), 0)::bigint as "paid_grant",
  coalesce(sum("amount") filter (where "kind" in ('PAYMENT', 'REPAYMENT') and "financing_kind" = 'FEE'), 0)::bigint as "paid_fee"`;

interface FiguresRow {
  social_area_id: string | null;
  budget_year: number;
  allocated: string;
  allocations: number;
  committed: string;
  committed_grant: string;
  committed_fee: string;
  paid: string;
  paid_grant: string;
  paid_fee: string;
}

function toFigures(row: FiguresRow): AreaFigures {
  const allocated = Number(row.allocated);
  const committed = Number(row.committed);
  return {
    socialAreaId: row.social_area_id,
    allocated,
    committed,
    committedGrant: Number(row.committed_grant),
    committedFee: Number(row.committed_fee),
    paid: Number(row.paid),
    paidGrant: Number(row.paid_grant),
    paidFee: Number(row.paid_fee),
    remaining: allocated - committed,
    hasAllocation: Number(row.allocations) > 0,
  };
}

/** Empty figures of an area without entries. */
export function noFigures(socialAreaId: string | null): AreaFigures {
  return {
    socialAreaId,
    allocated: 0,
    committed: 0,
    committedGrant: 0,
    committedFee: 0,
    paid: 0,
    paidGrant: 0,
    paidFee: 0,
    remaining: 0,
    hasAllocation: false,
  };
}

/** The figures of every Sozialraum with entries in `year` (and the kreisweit ones under null). */
export async function figuresOfYear(sql: RunSql, year: number): Promise<AreaFigures[]> {
  const rows = await sql<FiguresRow>(
    `select "social_area_id", "budget_year", ${FIGURES_COLUMNS}
       from "ledger_month_total" where "budget_year" = ? group by "social_area_id", "budget_year"`,
    [year],
  );
  return rows.map(toFigures);
}

/** The figures of one Sozialraum per budget year in `years` (years without entries are left out). */
export async function figuresOfArea(
  sql: RunSql,
  socialAreaId: string,
  years: readonly number[],
): Promise<Map<number, AreaFigures>> {
  const rows = await sql<FiguresRow>(
    `select "social_area_id", "budget_year", ${FIGURES_COLUMNS}
       from "ledger_month_total" where "social_area_id" = ? and "budget_year" = any(?::int[])
      group by "social_area_id", "budget_year"`,
    [socialAreaId, `{${years.join(',')}}`],
  );
  return new Map(rows.map((row) => [Number(row.budget_year), toFigures(row)]));
}

/** What is committed to and paid for one offer, in total and per budget year (cents). */
export interface OfferFunds {
  committed: number;
  paid: number;
  byYear: { year: number; committed: number; paid: number }[];
}

/** The committed and paid sums of an offer. */
export async function offerFunds(sql: RunSql, offerId: string): Promise<OfferFunds> {
  const rows = await sql<{ budget_year: number; committed: string; paid: string }>(
    `select "budget_year",
            coalesce(sum("amount") filter (where "kind" in ('COMMITMENT', 'CANCELLATION')), 0)::bigint as "committed",
            coalesce(sum("amount") filter (where "kind" in ('PAYMENT', 'REPAYMENT')), 0)::bigint as "paid"
       from "ledger_entry" where "offer_id" = ? group by "budget_year" order by "budget_year"`,
    [offerId],
  );
  const byYear = rows.map((row) => ({
    year: Number(row.budget_year),
    committed: Number(row.committed),
    paid: Number(row.paid),
  }));
  return {
    committed: byYear.reduce((sum, row) => sum + row.committed, 0),
    paid: byYear.reduce((sum, row) => sum + row.paid, 0),
    byYear,
  };
}

/** Cents as German euros, e.g. `1.234,56 €`. */
export function euro(cents: number): string {
  const sign = cents < 0 ? '−' : '';
  const abs = Math.abs(cents);
  return `${sign}${Math.trunc(abs / 100).toLocaleString('de-DE')},${String(abs % 100).padStart(2, '0')} €`;
}
