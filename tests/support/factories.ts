import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';

/** The sample data of a form definition in form-definitions/. */
export function sampleDataOf(formKey: string): Record<string, any> {
  return JSON.parse(readFileSync(`form-definitions/${formKey}.json`, 'utf8')).sampleData;
}

/**
 * A small Kalkulationsbogen whose figures are easy to check by hand:
 * 10 h × 60,00 € = 600,00 €; 2 × 12,50 € material = 25,00 €; total 625,00 €;
 * own contribution 50,00 €, third-party funds 100,00 € → requested 475,00 €.
 */
export function costCalculation(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    offerTitle: 'Offener Elterntreff Oyten',
    periodStart: '2027-01-01',
    periodEnd: '2027-12-31',
    professionalHours: { hours: 10, hourlyRate: 6000, agreement: 'LEV vom 01.01.2026' },
    volunteers: [],
    keyPersons: [],
    materialCosts: [{ description: 'Bastelmaterial', category: 'MATERIAL', quantity: 2, unitPrice: 1250 }],
    ownContribution: 5000,
    ownContributionDescription: 'Räume des Trägers',
    thirdPartyFunds: [{ funder: 'Bürgerstiftung Oyten', amount: 10000, status: 'APPLIED' }],
    ...overrides,
  };
}

export const newClientSubmissionId = () => randomUUID();
