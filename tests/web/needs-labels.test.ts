import { describe, expect, it } from 'vitest';
import { STATE_LABELS } from '../../process-logic/index.js';
import { navigationFor } from '../../web/src/app/navigation.js';
import {
  areaName,
  formatDate,
  isoDateOf,
  NEED_RECORDER_ROLES,
  NEED_STATES,
  needStateLabel,
  OPEN_STATES,
  yesNo,
} from '../../web/src/needs/labels.js';
import { NEED_READER_ROLES } from '../../web/src/needs/roles.js';

describe('the needs pages’ labels and helpers', () => {
  it('names every state of a need in German, from process-logic', () => {
    expect(NEED_STATES.map(needStateLabel)).toEqual(Object.values(STATE_LABELS.need));
    expect(needStateLabel('OFFER_PLANNED')).toBe('Angebot geplant');
    expect(OPEN_STATES).toEqual(['OFFER_PLANNED', 'OPEN_FOR_APPLICATIONS']);
  });

  it('offers „Bedarf erfassen“ to the roles the process lets record a need, and „Bedarfe“ to every office role', () => {
    expect([...NEED_RECORDER_ROLES].sort()).toEqual(['ADMIN', 'TEAM_LEAD']);
    for (const role of NEED_READER_ROLES) {
      expect(navigationFor([role]).map((item) => item.to)).toContain('/bedarfe');
    }
    expect(navigationFor(['PROVIDER']).map((item) => item.to)).not.toContain('/bedarfe');
  });

  it('reads German dates and refuses dates that do not exist', () => {
    expect(isoDateOf('20.11.2026')).toBe('2026-11-20');
    expect(isoDateOf(' 1.2.2027 ')).toBe('2027-02-01');
    expect(isoDateOf('29.02.2028')).toBe('2028-02-29');
    for (const wrong of ['31.11.2026', '29.02.2027', '2026-11-20', '20.11.26', '', '0.1.2026', '1.13.2026']) {
      expect(isoDateOf(wrong), wrong).toBeUndefined();
    }
    expect(formatDate('2026-11-20')).toBe('20.11.2026');
  });

  it('writes decisions and places as the pages show them', () => {
    expect([yesNo(true), yesNo(false), yesNo(null)]).toEqual(['Ja', 'Nein', 'noch offen']);
    expect(areaName({ countyWide: true, socialArea: null })).toBe('Kreisweit');
    expect(areaName({ countyWide: false, socialArea: { name: 'Oyten' } })).toBe('Oyten');
  });
});
