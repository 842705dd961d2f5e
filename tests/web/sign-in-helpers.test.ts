import { describe, expect, it } from 'vitest';
import { csvHref } from '../../web/src/admin/audit-filter.js';
import { safeTarget, withTarget } from '../../web/src/auth/targets.js';
import { navigationFor } from '../../web/src/app/navigation.js';

describe('sign-in helpers of the web app', () => {
  it('returns after sign-in only to pages of the app itself', () => {
    expect(safeTarget('/verwaltung/benutzer?x=1')).toBe('/verwaltung/benutzer?x=1');
    for (const outside of [
      '//evil.example/',
      'https://evil.example/',
      '/\\evil.example',
      'javascript:alert(1)',
      '',
      null,
    ]) {
      expect(safeTarget(outside)).toBe('/');
    }
    expect(withTarget('/anmelden', '/forms/evaluation')).toBe('/anmelden?ziel=%2Fforms%2Fevaluation');
    expect(withTarget('/anmelden', '/')).toBe('/anmelden');
  });

  it('shows administration and the audit log only to administrators, each step of the process to its roles', () => {
    const labels = (roles: Parameters<typeof navigationFor>[0]) =>
      navigationFor(roles).map((item) => item.label);
    expect(labels(['PROVIDER'])).toEqual([
      'Meine Aufgaben',
      'Formulare',
      'Einreichungen',
      'Aufrufe',
      'Interessensbekundungen',
      'Angebote',
      'Evaluationen',
    ]);
    expect(labels(['TEAM_LEAD', 'FINANCE'])).toEqual([
      'Meine Aufgaben',
      'Formulare',
      'Einreichungen',
      'Bedarfe',
      'Interessensbekundungen',
      'Bescheide',
      'Angebote',
      'Evaluationen',
      'Berichte',
      'Sozialraumbudget',
    ]);
    expect(labels(['REGIONAL_TEAM'])).toContain('Entscheidungen');
    expect(labels(['COMMITTEE'])).toEqual([
      'Meine Aufgaben',
      'Formulare',
      'Einreichungen',
      'Bedarfe',
      'Angebote',
      'Berichte',
      'Sozialraumbudget',
    ]);
    expect(labels(['ADMIN'])).toEqual([
      'Meine Aufgaben',
      'Formulare',
      'Einreichungen',
      'Bedarfe',
      'Angebote',
      'Evaluationen',
      'Berichte',
      'Sozialraumbudget',
      'Verwaltung',
      'Benutzerkonten',
      'Formularverwaltung',
      'Protokoll',
    ]);
  });

  it('gives the CSV download the filter of the table', () => {
    expect(csvHref({})).toBe('/api/audit-events.csv');
    expect(csvHref({ operation: 'createUser', outcome: 'DENIED', from: '2026-11-25T23:00:00.000Z' })).toBe(
      '/api/audit-events.csv?operation=createUser&outcome=DENIED&from=2026-11-25T23%3A00%3A00.000Z',
    );
  });
});
