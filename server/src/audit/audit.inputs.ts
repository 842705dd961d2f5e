import { IsOptional, Length, Max, Min } from 'class-validator';
import { ArgsType, Field, InputType, Int } from 'type-graphql';
import { BadUserInput } from '../common/errors.js';
import { AuditOutcome } from './audit-event.entity.js';
import type { AuditFilter } from './audit-query.js';

/** Most events one page of `auditEvents` lists. */
export const MAX_AUDIT_PAGE_SIZE = 200;

/** Longest text a filter field takes: the audit columns hold at most 100 characters. */
const MAX_TEXT = 100;

@InputType({ description: 'Welche Protokolleinträge gelesen werden; jedes angegebene Feld schränkt ein.' })
export class AuditEventFilter implements AuditFilter {
  /** The user who acted. */
  @Field(() => String, { nullable: true, description: 'Wer gehandelt hat (Benutzer-ID).' })
  @IsOptional()
  @Length(1, MAX_TEXT, { message: `userId muss 1 bis ${MAX_TEXT} Zeichen lang sein.` })
  userId?: string | null;

  /** The operation, e.g. `publishFormVersion`. */
  @Field(() => String, { nullable: true, description: 'Der Vorgang, z. B. publishFormVersion.' })
  @IsOptional()
  @Length(1, MAX_TEXT, { message: `operation muss 1 bis ${MAX_TEXT} Zeichen lang sein.` })
  operation?: string | null;

  /** The kind of record, e.g. `Provider`. */
  @Field(() => String, { nullable: true, description: 'Die Art des Datensatzes, z. B. Provider.' })
  @IsOptional()
  @Length(1, MAX_TEXT, { message: `entityType muss 1 bis ${MAX_TEXT} Zeichen lang sein.` })
  entityType?: string | null;

  @Field(() => String, { nullable: true, description: 'Die ID des Datensatzes.' })
  @IsOptional()
  @Length(1, MAX_TEXT, { message: `entityId muss 1 bis ${MAX_TEXT} Zeichen lang sein.` })
  entityId?: string | null;

  @Field(() => AuditOutcome, { nullable: true, description: 'Wie der Vorgang ausging.' })
  outcome?: AuditOutcome | null;

  /** Events at or after this instant. */
  @Field(() => Date, { nullable: true, description: 'Einträge ab diesem Zeitpunkt (einschließlich).' })
  from?: Date | null;

  /** Events at or before this instant. */
  @Field(() => Date, { nullable: true, description: 'Einträge bis zu diesem Zeitpunkt (einschließlich).' })
  to?: Date | null;
}

@ArgsType()
export class AuditEventPageArgs {
  /** Events per page. */
  @Field(() => Int, {
    defaultValue: 50,
    description: `Einträge je Seite (1 bis ${MAX_AUDIT_PAGE_SIZE}).`,
  })
  @Min(1, { message: `first muss zwischen 1 und ${MAX_AUDIT_PAGE_SIZE} liegen.` })
  @Max(MAX_AUDIT_PAGE_SIZE, { message: `first muss zwischen 1 und ${MAX_AUDIT_PAGE_SIZE} liegen.` })
  first!: number;

  /** The `endCursor` of the previous page. */
  @Field(() => String, { nullable: true, description: 'Der endCursor der vorigen Seite.' })
  @IsOptional()
  @Length(1, 200, { message: 'after ist kein gültiger Cursor.' })
  after?: string | null;
}

@ArgsType()
export class EntityHistoryArgs {
  /** The kind of record, e.g. `Provider`. */
  @Field(() => String)
  @Length(1, MAX_TEXT, { message: `entityType muss 1 bis ${MAX_TEXT} Zeichen lang sein.` })
  entityType!: string;

  @Field(() => String)
  @Length(1, MAX_TEXT, { message: `entityId muss 1 bis ${MAX_TEXT} Zeichen lang sein.` })
  entityId!: string;
}

/** Checks what the field rules cannot: the period runs forward. BAD_USER_INPUT otherwise. */
export function checkAuditFilter(filter: AuditFilter): void {
  if (filter.from && filter.to && filter.from.getTime() > filter.to.getTime()) {
    throw BadUserInput('Der Zeitraum ist ungültig: „from“ liegt nach „to“.', {
      fields: [{ argument: 'from', message: '„from“ liegt nach „to“.' }],
    });
  }
}
