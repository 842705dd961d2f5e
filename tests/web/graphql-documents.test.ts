import { readFileSync } from 'node:fs';
import { buildSchema, type DocumentNode, Kind, validate } from 'graphql';
import { describe, expect, it } from 'vitest';
import * as adminApi from '../../web/src/admin/api.js';
import * as auditApi from '../../web/src/admin/audit-api.js';
import * as usersApi from '../../web/src/admin/users-api.js';
import * as authApi from '../../web/src/auth/api.js';
import * as api from '../../web/src/forms/api.js';
import * as formAdminApi from '../../web/src/form-admin/api.js';
import * as needsApi from '../../web/src/needs/api.js';
import * as reportsApi from '../../web/src/reports/api.js';
import * as generated from '../../web/src/gql/graphql.js';

const schema = buildSchema(readFileSync('schema.graphql', 'utf8'));

const isDocument = (value: unknown): value is DocumentNode =>
  typeof value === 'object' && value !== null && (value as DocumentNode).kind === Kind.DOCUMENT;

// Every operation the web app sends is one of these generated documents (fragments are inlined).
const operations = Object.entries(generated as Record<string, unknown>).filter(
  (entry): entry is [string, DocumentNode] =>
    isDocument(entry[1]) &&
    entry[1].definitions.some((definition) => definition.kind === Kind.OPERATION_DEFINITION),
);

describe('GraphQL documents of the web app', () => {
  it('generates a typed document for each operation the forms send', () => {
    expect(operations.map(([name]) => name)).toEqual(
      expect.arrayContaining(['FormsDocument', 'FormDocument', 'SubmissionDocument', 'SubmitFormDocument']),
    );
    expect(api.formsQuery).toBe(generated.FormsDocument);
    expect(api.formQuery).toBe(generated.FormDocument);
    expect(api.submissionQuery).toBe(generated.SubmissionDocument);
    expect(api.submitFormMutation).toBe(generated.SubmitFormDocument);
  });

  it('uses the generated documents for sign-in, the account, administration and the audit log', () => {
    const modules = { ...authApi, ...adminApi, ...usersApi, ...auditApi };
    const sent = Object.values(modules).filter(isDocument);
    expect(sent.length).toBeGreaterThanOrEqual(25);
    for (const document of sent) expect(Object.values(generated)).toContain(document);
    expect(operations.map(([name]) => name)).toEqual(
      expect.arrayContaining([
        'MeDocument',
        'LoginDocument',
        'LogoutDocument',
        'ChangePasswordDocument',
        'AdminUsersDocument',
        'CreateUserDocument',
        'ResetPasswordDocument',
        'DeactivateUserDocument',
        'ReactivateUserDocument',
        'AdminProvidersDocument',
        'CreateProviderDocument',
        'UpdateProviderDocument',
        'AuditEventsDocument',
        'SubmissionsDocument',
      ]),
    );
  });

  it('uses the generated documents for the needs (Bedarfe)', () => {
    const sent = Object.values(needsApi).filter(isDocument);
    expect(sent).toHaveLength(13);
    for (const document of sent) expect(Object.values(generated)).toContain(document);
    expect(operations.map(([name]) => name)).toEqual(
      expect.arrayContaining([
        'NeedsDocument',
        'NeedDocument',
        'NeedSocialAreasDocument',
        'NeedBodiesDocument',
        'NeedRunningOffersDocument',
        'NeedProvidersDocument',
        'RecordNeedDocument',
        'UpdateNeedDocument',
        'DecideNeedResourcesDocument',
        'DecideNeedOfferDocument',
        'RecordNeedBodyInvolvementDocument',
        'NeedPrioritisationDocument',
        'PrioritiseNeedsDocument',
      ]),
    );
  });

  it('uses the generated documents for the form administration (versions, diff, impact, publish, import)', () => {
    const sent = Object.values(formAdminApi).filter(isDocument);
    expect(sent).toHaveLength(9);
    for (const document of sent) expect(Object.values(generated)).toContain(document);
    expect(operations.map(([name]) => name)).toEqual(
      expect.arrayContaining([
        'FormAdminFormsDocument',
        'FormAdminVersionsDocument',
        'CreateFormDraftDocument',
        'ArchiveFormVersionDocument',
        'FormVersionDiffDocument',
        'PublishTargetDocument',
        'FormImpactDocument',
        'PublishFormVersionDocument',
        'ImportFormDefinitionDocument',
      ]),
    );
  });

  it('uses the generated documents for the reports, the committee dashboard and the report editor', () => {
    const sent = Object.values(reportsApi).filter(isDocument);
    // Eight operations and the fragment of a report's figures.
    expect(sent).toHaveLength(9);
    for (const document of sent) expect(Object.values(generated)).toContain(document);
    expect(operations.map(([name]) => name)).toEqual(
      expect.arrayContaining([
        'ReportFilterOptionsDocument',
        'DashboardDocument',
        'ReportDocument',
        'ReportsDocument',
        'ReportDatasetsDocument',
        'ReportDefinitionDocument',
        'PreviewReportDocument',
        'SaveReportDocument',
      ]),
    );
  });

  it.each(operations)('%s is valid against schema.graphql', (_name, document) => {
    expect(validate(schema, document).map((error) => error.message)).toEqual([]);
  });
});
