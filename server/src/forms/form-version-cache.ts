import type { EntityManager } from '@mikro-orm/postgresql';
import type { JsonSchemaObject } from '../../../form-logic/index.js';

/** The JSON of a form version: what lists never select and reads serve from memory. */
export interface FormVersionContent {
  schema: JsonSchemaObject;
  uischema: Record<string, unknown>;
  sampleData: Record<string, unknown> | null;
  /** The schema as stored (JSON text): handed to the evaluation workers, which parse it once per version. */
  schemaJson: string;
}

interface ContentRow {
  id: string;
  status: string;
  schema: string;
  uischema: string;
  sample_data: string | null;
}

/**
 * The content of published and archived form versions, read from the database once per process. Their
 * content never changes (a new version is a new id, and a database trigger refuses edits), so nothing
 * here goes stale; which version is in force is still read per request. Drafts change and are always
 * read from the database.
 */
export class FormVersionCache {
  private readonly contents = new Map<string, FormVersionContent>();
  private readonly loading = new Map<string, Promise<FormVersionContent | null>>();

  constructor(private readonly maxEntries = 2_000) {}

  /** The content of version `id`, or null when there is no such version. */
  async content(em: EntityManager, id: string): Promise<FormVersionContent | null> {
    const cached = this.contents.get(id);
    if (cached) return cached;
    let pending = this.loading.get(id);
    if (!pending) {
      pending = this.load(em, id).finally(() => this.loading.delete(id));
      this.loading.set(id, pending);
    }
    return pending;
  }

  get size(): number {
    return this.contents.size;
  }

  private async load(em: EntityManager, id: string): Promise<FormVersionContent | null> {
    // As text: the json columns keep their key order, and the workers get the schema without re-serialising.
    const [row] = await em.execute<ContentRow[]>(
      `select "id", "status", "schema"::text as "schema", "uischema"::text as "uischema",
              "sample_data"::text as "sample_data"
         from "form_version" where "id" = ?`,
      [id],
    );
    if (!row) return null;
    const content: FormVersionContent = {
      schema: JSON.parse(row.schema) as JsonSchemaObject,
      uischema: JSON.parse(row.uischema) as Record<string, unknown>,
      sampleData: row.sample_data === null ? null : (JSON.parse(row.sample_data) as Record<string, unknown>),
      schemaJson: row.schema,
    };
    if (row.status !== 'DRAFT') {
      if (this.contents.size >= this.maxEntries) {
        const oldest = this.contents.keys().next().value;
        if (oldest !== undefined) this.contents.delete(oldest);
      }
      this.contents.set(id, content);
    }
    return content;
  }
}
