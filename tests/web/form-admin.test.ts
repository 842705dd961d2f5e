import { describe, expect, it } from 'vitest';
import { builder } from '../../form-logic/index.js';
import { ApiError } from '../../web/src/api/errors.js';
import {
  authorOf,
  builderPath,
  currentRevisionOf,
  diffPath,
  existingDraftId,
  exportPath,
  publishPath,
  STATUS_LABELS,
} from '../../web/src/form-admin/api.js';
import { CHANGE_GROUP_LABELS, countChanges, groupChanges } from '../../web/src/form-admin/diff-groups.js';
import { countRecords, publishBlockers } from '../../web/src/form-admin/impact.js';
import { parseDefinitionText, readDefinitionFile } from '../../web/src/form-admin/import-file.js';
import { loadDefinition } from '../form-logic/definitions.js';

describe('the form administration pages’ helpers', () => {
  it('names the status and the author of a version in German', () => {
    expect(STATUS_LABELS).toEqual({ DRAFT: 'Entwurf', PUBLISHED: 'In Kraft', ARCHIVED: 'Archiviert' });
    expect(authorOf({ source: 'FILE', createdByName: null })).toBe('Definitionsdatei');
    expect(authorOf({ source: 'EDITOR', createdByName: 'Jana Planer' })).toBe('Jana Planer');
    expect(authorOf({ source: 'EDITOR', createdByName: null })).toBe('–');
  });

  it('builds the addresses of builder, publishing, diff and export', () => {
    expect(builderPath('criteria', 'v1')).toBe('/verwaltung/formulare/criteria/entwurf/v1');
    expect(publishPath('criteria', 'v1')).toBe('/verwaltung/formulare/criteria/veroeffentlichen/v1');
    expect(diffPath('criteria', 'a', 'b')).toBe('/verwaltung/formulare/criteria/vergleich?von=a&zu=b');
    expect(exportPath('v1')).toBe('/api/form-versions/v1/export');
  });

  it('finds the existing draft in a DRAFT_EXISTS conflict and the stored revision in a STALE_REVISION one', () => {
    const conflict = new ApiError('CONFLICT', {
      reason: 'DRAFT_EXISTS',
      cause: [
        {
          message: 'Entwurf existiert',
          extensions: { code: 'CONFLICT', reason: 'DRAFT_EXISTS', draftId: 'd-1' },
        },
      ],
    });
    expect(existingDraftId(conflict)).toBe('d-1');
    expect(
      existingDraftId(new ApiError('CONFLICT', { reason: 'STALE_REVISION', cause: [] })),
    ).toBeUndefined();
    expect(existingDraftId(new ApiError('NOT_FOUND'))).toBeUndefined();
    const stale = new ApiError('CONFLICT', {
      reason: 'STALE_REVISION',
      cause: [{ extensions: { code: 'CONFLICT', reason: 'STALE_REVISION', currentRevision: 4 } }],
    });
    expect(currentRevisionOf(stale)).toBe(4);
    expect(currentRevisionOf(conflict)).toBeUndefined();
  });

  it('groups the changes between two versions by kind in a fixed order', () => {
    const criteria = loadDefinition('criteria');
    const changed = builder.applyAll(criteria, [
      { op: 'updateCriterion', key: 'needFit', weight: 4 },
      { op: 'removeCriterion', key: 'sustainability' },
      { op: 'addCriterion', key: 'participation', title: 'Beteiligung', weight: 2 },
    ]);
    expect(changed.problems).toEqual([]);
    const groups = groupChanges(builder.diffVersions(criteria, changed.definition));
    const labels = groups.map((group) => group.label);
    expect(labels).toContain('Geänderte Gewichtungen');
    expect(labels.indexOf('Neue Felder')).toBeLessThan(labels.indexOf('Entfernte Felder'));
    expect(labels.indexOf('Entfernte Felder')).toBeLessThan(labels.indexOf('Geänderte Gewichtungen'));
    const weights = groups.find((group) => group.label === 'Geänderte Gewichtungen')!;
    expect(weights.changes.some((change) => change.text.includes('3') && change.text.includes('4'))).toBe(
      true,
    );
    expect(groupChanges([{ kind: 'somethingNew', path: '', label: '', text: 'x' }])[0]!.label).toBe(
      'Weitere Änderungen',
    );
    expect(Object.keys(CHANGE_GROUP_LABELS)).toHaveLength(17);
    expect([countChanges(0), countChanges(1), countChanges(4)]).toEqual([
      'keine Änderungen',
      '1 Änderung',
      '4 Änderungen',
    ]);
  });

  it('blocks publishing while the definition or the process contract has problems', () => {
    const problem = [{ path: '/schema', message: 'x' }];
    expect(publishBlockers({ definitionErrors: [], contractErrors: [] })).toEqual([]);
    expect(publishBlockers({ definitionErrors: problem, contractErrors: [] })).toEqual([
      'die Probleme der Definition',
    ]);
    expect(publishBlockers({ definitionErrors: problem, contractErrors: problem })).toHaveLength(2);
    expect([countRecords(0), countRecords(1), countRecords(7)]).toEqual([
      'kein Datensatz',
      '1 Datensatz',
      '7 Datensätze',
    ]);
  });

  it('reads an import file: a definition, a schema pair, a bare JSON Schema; refuses anything else in German', async () => {
    const criteria = loadDefinition('criteria');
    expect(parseDefinitionText(JSON.stringify(criteria))).toEqual({ ok: true, definition: criteria });
    const pair = { schema: { type: 'object', properties: { name: { type: 'string' } } } };
    expect(parseDefinitionText(JSON.stringify(pair))).toEqual({ ok: true, definition: pair });
    expect(parseDefinitionText(JSON.stringify(pair.schema))).toEqual({ ok: true, definition: pair });
    expect(parseDefinitionText('{ kein JSON')).toEqual({
      ok: false,
      message: 'Die Datei enthält kein gültiges JSON.',
    });
    expect(parseDefinitionText('[1]')).toMatchObject({ ok: false });
    expect(parseDefinitionText('{"uischema": {}}')).toMatchObject({
      ok: false,
      message: expect.stringContaining('„schema“'),
    });
    expect(await readDefinitionFile(new Blob([JSON.stringify(pair)]))).toEqual({
      ok: true,
      definition: pair,
    });
    expect(await readDefinitionFile(new Blob(['x'.repeat(2 * 1024 * 1024 + 1)]))).toMatchObject({
      ok: false,
      message: expect.stringContaining('2 MB'),
    });
  });
});
