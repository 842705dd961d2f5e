/**
 * A small county for the report tests, written straight into the typed tables: three Sozialräume in two
 * Regionalteams, two Träger, offers (also kreisweit), ledger entries, evaluations with goal facts,
 * needs and applications with decisions. Amounts and dates come from a seeded generator, so every run
 * has the same figures.
 */
import { insertOfferRows } from './authorization/offers.cases.js';
import { insertRow, sqlIn } from '../support/rows.js';
import type { TestApi } from '../support/test-api.js';

export interface ReportWorld {
  teams: { north: string; south: string };
  areas: { achim: string; oyten: string; verden: string };
  providers: { one: string; two: string };
  offers: { id: string; area: string | null }[];
}

/** A deterministic pseudo-random sequence (mulberry32). */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pad = (n: number) => String(n).padStart(2, '0');

export async function createReportWorld(api: TestApi, label: string): Promise<ReportWorld> {
  const next = random(4711);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)]!;
  const insert = (table: string, values: Record<string, unknown>) => insertRow(api, table, values);
  const sql = <T = Record<string, any>>(text: string, params: unknown[] = []) => sqlIn<T>(api, text, params);
  const north = await insert('regional_team', { name: `${label} Nord` });
  const south = await insert('regional_team', { name: `${label} Süd` });
  const achim = await insert('social_area', { name: `${label} Achim`, regional_team_id: north });
  const oyten = await insert('social_area', { name: `${label} Oyten`, regional_team_id: north });
  const verden = await insert('social_area', { name: `${label} Verden`, regional_team_id: south });
  const one = await insert('provider', { name: `${label} Träger Eins` });
  const two = await insert('provider', { name: `${label} Träger Zwei` });
  const grant = await insert('offer_category', { name: `${label} Zuschuss`, financing_kind: 'GRANT' });
  const fee = await insert('offer_category', { name: `${label} Entgelt`, financing_kind: 'FEE' });
  const areas = [achim, oyten, verden, null] as const;
  const teamOf = new Map<string | null, string | null>([
    [achim, north],
    [oyten, north],
    [verden, south],
    [null, null],
  ]);

  const offers: ReportWorld['offers'] = [];
  for (let i = 0; i < 10; i++) {
    const area = areas[i % 4]!;
    const financing = i % 3 === 0 ? 'FEE' : 'GRANT';
    const startYear = 2025 + (i % 2);
    const { offerId, applicationId } = await insertOfferRows(
      (text, params) => sql(text, params ?? []),
      insert,
      {
        socialAreaId: area,
        providerId: i % 2 === 0 ? one : two,
        offerCategoryId: financing === 'FEE' ? fee : grant,
        title: `${label} Angebot ${pad(i)}`,
        financingKind: financing,
        approvedAmount: 100_000 + Math.floor(next() * 2_000_000),
        periodStart: `${startYear}-0${1 + (i % 6)}-01`,
        periodEnd: `${startYear + (i % 3)}-12-31`,
        state: i === 9 ? 'ENDED' : 'RUNNING',
      },
    );
    offers.push({ id: offerId, area });
    const decision = await insert('application_decision', {
      application_id: applicationId,
      outcome: 'APPROVED',
      justification: 'passt',
      decided_by_name: 'Test',
      decided_at: new Date(),
      application_revision_number: 1,
      social_area_id: area,
      offer_category_id: financing === 'FEE' ? fee : grant,
      approved_amount: 50_000 + i * 1_000,
      financing_kind: financing,
    });
    void decision;
  }

  // Ledger: allocations per area and year, commitments, cancellations, payments, repayments.
  const kinds = ['COMMITMENT', 'COMMITMENT', 'CANCELLATION', 'PAYMENT', 'PAYMENT', 'REPAYMENT'] as const;
  for (const year of [2025, 2026]) {
    for (const area of areas) {
      if (area) {
        await insert('ledger_entry', {
          kind: 'ALLOCATION',
          amount: 5_000_000 + Math.floor(next() * 1_000_000),
          budget_year: year,
          booked_on: `${year}-01-02`,
          social_area_id: area,
          regional_team_id: teamOf.get(area),
          reason: 'Haushaltsbeschluss',
        });
      }
      for (let n = 0; n < 25; n++) {
        const kind = pick(kinds);
        const magnitude = 1 + Math.floor(next() * 300_000);
        const offer = pick(offers.filter((o) => o.area === area));
        await insert('ledger_entry', {
          kind,
          amount: kind === 'CANCELLATION' || kind === 'REPAYMENT' ? -magnitude : magnitude,
          budget_year: year,
          booked_on: `${year}-${pad(1 + Math.floor(next() * 12))}-${pad(1 + Math.floor(next() * 28))}`,
          social_area_id: area,
          regional_team_id: teamOf.get(area),
          financing_kind: pick(['FEE', 'GRANT']),
          offer_id: offer?.id ?? null,
          provider_id: pick([one, two]),
          reason: kind === 'CANCELLATION' || kind === 'REPAYMENT' ? 'Korrektur' : null,
        });
      }
    }
    // A change of an allocation is a delta entry with a reason.
    await insert('ledger_entry', {
      kind: 'ALLOCATION',
      amount: -250_000,
      budget_year: year,
      booked_on: `${year}-06-15`,
      social_area_id: achim,
      regional_team_id: north,
      reason: 'Kürzung',
    });
  }

  // Evaluations: two half-years per offer, accepted ones with goal facts; some overdue.
  const [version] = await sql<{ id: string }>(
    `select id from form_version where form_key = 'evaluation' and status = 'PUBLISHED'`,
  );
  for (const offer of offers) {
    const [row] = await sql<{ provider_id: string; social_area_id: string | null }>(
      'select provider_id, social_area_id from offer where id = ?',
      [offer.id],
    );
    for (const [period, from, to, due, state] of [
      [1, '2026-01-01', '2026-06-30', '2026-07-30', 'ACCEPTED'],
      [2, '2026-07-01', '2026-12-31', '2027-01-30', pick(['DUE', 'ACCEPTED', 'CHANGES_REQUESTED'])],
      [3, '2025-07-01', '2025-12-31', '2026-01-30', pick(['DUE', 'ACCEPTED'])],
    ] as const) {
      const evaluation = await insert('evaluation', {
        offer_id: offer.id,
        period_number: period,
        period_from: from,
        period_to: to,
        due_date: due,
        state,
        form_version_id: version!.id,
        data: JSON.stringify({}),
      });
      if (state !== 'ACCEPTED') continue;
      for (let goal = 0; goal < 3; goal++) {
        const percent = Math.floor(next() * 101);
        await insert('evaluation_goal_fact', {
          evaluation_id: evaluation,
          offer_id: offer.id,
          social_area_id: row!.social_area_id,
          provider_id: row!.provider_id,
          period_from: from,
          period_to: to,
          goal_index: goal,
          goal: `Ziel ${goal + 1}`,
          achievement: percent < 25 ? 'NOT' : percent < 50 ? 'PARTLY' : percent < 90 ? 'MOSTLY' : 'FULLY',
          achievement_percent: percent,
          percent_given: true,
        });
      }
    }
  }

  // Needs with outcomes.
  const outcomes = [null, 'COVERED_BY_RESOURCES', 'NO_OFFER', 'OFFER'] as const;
  for (let n = 0; n < 24; n++) {
    const outcome = pick(outcomes);
    await insert('need', {
      social_area_id: pick(areas),
      title: `${label} Bedarf ${n}`,
      situation_description: 'Lage',
      created_by_name: 'Test',
      state: outcome ? 'CLOSED' : 'RECORDED',
      outcome,
    });
  }

  // Further applications: rejected and undecided.
  const [description] = await sql<{ id: string }>(
    `select id from form_version where form_key = 'offer-description' and status = 'PUBLISHED'`,
  );
  const [calculation] = await sql<{ id: string }>(
    `select id from form_version where form_key = 'cost-calculation' and status = 'PUBLISHED'`,
  );
  for (let n = 0; n < 8; n++) {
    const area = pick(areas);
    const need = await insert('need', {
      social_area_id: area,
      title: `${label} Bedarf mit Aufruf ${n}`,
      situation_description: 'Lage',
      created_by_name: 'Test',
      state: 'OPEN_FOR_APPLICATIONS',
    });
    const call = await insert('call_for_interest', {
      need_id: need,
      title: `${label} Aufruf ${n}`,
      deadline: new Date(),
      open_to_all: true,
      offer_category_id: grant,
      opened_by_name: 'Test',
    });
    const application = await insert('application', {
      call_id: call,
      provider_id: n % 2 === 0 ? one : two,
      state: n % 3 === 0 ? 'REJECTED' : 'SUBMITTED',
      offer_description_version_id: description!.id,
      cost_calculation_version_id: calculation!.id,
      offer_description_data: JSON.stringify({}),
      cost_calculation_data: JSON.stringify({}),
      created_by_name: 'Test',
      submitted_at: new Date(),
    });
    if (n % 3 === 0) {
      await insert('application_decision', {
        application_id: application,
        outcome: 'REJECTED',
        justification: 'passt nicht',
        decided_by_name: 'Test',
        decided_at: new Date(),
        application_revision_number: 1,
        social_area_id: area,
        offer_category_id: grant,
      });
    }
  }
  return { teams: { north, south }, areas: { achim, oyten, verden }, providers: { one, two }, offers };
}
