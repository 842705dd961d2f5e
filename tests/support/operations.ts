/** GraphQL documents the tests send, written as a client would. */

export const FORMS = /* GraphQL */ `
  query Forms {
    forms {
      key
      title
      published {
        id
        number
        status
      }
      versions {
        id
        number
        status
      }
    }
  }
`;

export const FORM_VERSION_FIELDS =
  'id formKey number status title schema uischema sampleData contentHash revision createdBy publishedAt';

export const FORM = /* GraphQL */ `
  query Form($key: String!) {
    form(key: $key) { key title published { ${FORM_VERSION_FIELDS} } versions { id number status } }
  }
`;

export const CREATE_DRAFT = /* GraphQL */ `
  mutation CreateDraft($formKey: String!, $fromVersionId: UUID) {
    createDraft(formKey: $formKey, fromVersionId: $fromVersionId) { ${FORM_VERSION_FIELDS} }
  }
`;

export const UPDATE_DRAFT = /* GraphQL */ `
  mutation UpdateDraft($id: UUID!, $schema: JSON!, $uischema: JSON!, $expectedRevision: Int!) {
    updateDraft(id: $id, schema: $schema, uischema: $uischema, expectedRevision: $expectedRevision) {
      formVersion { ${FORM_VERSION_FIELDS} }
      errors { path message }
      errorCount
    }
  }
`;

export const PUBLISH = /* GraphQL */ `
  mutation Publish($id: UUID!) {
    publishFormVersion(id: $id) { formVersion { ${FORM_VERSION_FIELDS} } errors { path message } errorCount }
  }
`;

export const FORM_VERSION = /* GraphQL */ `
  query FormVersion($id: UUID!) { formVersion(id: $id) { ${FORM_VERSION_FIELDS} } }
`;

const SUBMISSION_FIELDS =
  'id formKey data clientSubmissionId createdAt createdBy formVersion { id number status schema }';

export const SUBMIT = /* GraphQL */ `
  mutation Submit($formKey: String!, $data: JSON!, $clientSubmissionId: ID!, $formVersionId: UUID) {
    submitForm(formKey: $formKey, data: $data, clientSubmissionId: $clientSubmissionId, formVersionId: $formVersionId) {
      submission { ${SUBMISSION_FIELDS} }
      errors { path message }
      errorCount
    }
  }
`;

export const SUBMISSIONS = /* GraphQL */ `
  query Submissions($formKey: String!) { submissions(formKey: $formKey) { ${SUBMISSION_FIELDS} } }
`;

export const SUBMISSION = /* GraphQL */ `
  query Submission($id: UUID!) { submission(id: $id) { ${SUBMISSION_FIELDS} } }
`;
