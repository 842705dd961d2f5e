/* eslint-disable */
import * as types from './graphql.js';
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';

/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "\n  fragment RenderableFormVersion on FormVersion {\n    id\n    formKey\n    number\n    title\n    description\n    schema\n    uischema\n    sampleData\n  }\n": typeof types.RenderableFormVersionFragmentDoc,
    "\n  query Forms {\n    forms {\n      key\n      title\n      description\n      published {\n        id\n        number\n      }\n    }\n  }\n": typeof types.FormsDocument,
    "\n  query Form($key: String!) {\n    form(key: $key) {\n      key\n      title\n      description\n      published {\n        ...RenderableFormVersion\n      }\n    }\n  }\n": typeof types.FormDocument,
    "\n  query Submission($id: UUID!) {\n    submission(id: $id) {\n      id\n      formKey\n      clientSubmissionId\n      createdAt\n      createdBy\n      data\n      formVersion {\n        ...RenderableFormVersion\n      }\n    }\n  }\n": typeof types.SubmissionDocument,
    "\n  mutation SubmitForm($formKey: String!, $data: JSON!, $clientSubmissionId: ID!, $formVersionId: UUID) {\n    submitForm(\n      formKey: $formKey\n      data: $data\n      clientSubmissionId: $clientSubmissionId\n      formVersionId: $formVersionId\n    ) {\n      submission {\n        id\n      }\n      errors {\n        path\n        message\n      }\n      errorCount\n    }\n  }\n": typeof types.SubmitFormDocument,
};
const documents: Documents = {
    "\n  fragment RenderableFormVersion on FormVersion {\n    id\n    formKey\n    number\n    title\n    description\n    schema\n    uischema\n    sampleData\n  }\n": types.RenderableFormVersionFragmentDoc,
    "\n  query Forms {\n    forms {\n      key\n      title\n      description\n      published {\n        id\n        number\n      }\n    }\n  }\n": types.FormsDocument,
    "\n  query Form($key: String!) {\n    form(key: $key) {\n      key\n      title\n      description\n      published {\n        ...RenderableFormVersion\n      }\n    }\n  }\n": types.FormDocument,
    "\n  query Submission($id: UUID!) {\n    submission(id: $id) {\n      id\n      formKey\n      clientSubmissionId\n      createdAt\n      createdBy\n      data\n      formVersion {\n        ...RenderableFormVersion\n      }\n    }\n  }\n": types.SubmissionDocument,
    "\n  mutation SubmitForm($formKey: String!, $data: JSON!, $clientSubmissionId: ID!, $formVersionId: UUID) {\n    submitForm(\n      formKey: $formKey\n      data: $data\n      clientSubmissionId: $clientSubmissionId\n      formVersionId: $formVersionId\n    ) {\n      submission {\n        id\n      }\n      errors {\n        path\n        message\n      }\n      errorCount\n    }\n  }\n": types.SubmitFormDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 *
 *
 * @example
 * ```ts
 * const query = graphql(`query GetUser($id: ID!) { user(id: $id) { name } }`);
 * ```
 *
 * The query argument is unknown!
 * Please regenerate the types.
 */
export function graphql(source: string): unknown;

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment RenderableFormVersion on FormVersion {\n    id\n    formKey\n    number\n    title\n    description\n    schema\n    uischema\n    sampleData\n  }\n"): (typeof documents)["\n  fragment RenderableFormVersion on FormVersion {\n    id\n    formKey\n    number\n    title\n    description\n    schema\n    uischema\n    sampleData\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Forms {\n    forms {\n      key\n      title\n      description\n      published {\n        id\n        number\n      }\n    }\n  }\n"): (typeof documents)["\n  query Forms {\n    forms {\n      key\n      title\n      description\n      published {\n        id\n        number\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Form($key: String!) {\n    form(key: $key) {\n      key\n      title\n      description\n      published {\n        ...RenderableFormVersion\n      }\n    }\n  }\n"): (typeof documents)["\n  query Form($key: String!) {\n    form(key: $key) {\n      key\n      title\n      description\n      published {\n        ...RenderableFormVersion\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Submission($id: UUID!) {\n    submission(id: $id) {\n      id\n      formKey\n      clientSubmissionId\n      createdAt\n      createdBy\n      data\n      formVersion {\n        ...RenderableFormVersion\n      }\n    }\n  }\n"): (typeof documents)["\n  query Submission($id: UUID!) {\n    submission(id: $id) {\n      id\n      formKey\n      clientSubmissionId\n      createdAt\n      createdBy\n      data\n      formVersion {\n        ...RenderableFormVersion\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SubmitForm($formKey: String!, $data: JSON!, $clientSubmissionId: ID!, $formVersionId: UUID) {\n    submitForm(\n      formKey: $formKey\n      data: $data\n      clientSubmissionId: $clientSubmissionId\n      formVersionId: $formVersionId\n    ) {\n      submission {\n        id\n      }\n      errors {\n        path\n        message\n      }\n      errorCount\n    }\n  }\n"): (typeof documents)["\n  mutation SubmitForm($formKey: String!, $data: JSON!, $clientSubmissionId: ID!, $formVersionId: UUID) {\n    submitForm(\n      formKey: $formKey\n      data: $data\n      clientSubmissionId: $clientSubmissionId\n      formVersionId: $formVersionId\n    ) {\n      submission {\n        id\n      }\n      errors {\n        path\n        message\n      }\n      errorCount\n    }\n  }\n"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;