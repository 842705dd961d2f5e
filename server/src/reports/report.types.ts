import { ArrayMaxSize, IsInt, IsOptional, Max, Min } from 'class-validator';
import { GraphQLJSON } from 'graphql-scalars';
import { Field, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { FieldErrorsPayload } from '../common/field-error.js';
import { UUIDScalar } from '../common/uuid.scalar.js';
import { FinancingKind } from '../master-data/offer-category.entity.js';

/** How a report is drawn. */
export enum ReportChartType {
  BAR = 'BAR',
  STACKED_BAR = 'STACKED_BAR',
  LINE = 'LINE',
  PIE = 'PIE',
  TABLE = 'TABLE',
}
registerEnumType(ReportChartType, { name: 'ReportChartType', description: 'Diagrammart eines Berichts.' });

/** How the values of a column are shown: cents as euros, dates German, percentages with %. */
export enum ReportValueFormat {
  TEXT = 'TEXT',
  CENTS = 'CENTS',
  NUMBER = 'NUMBER',
  PERCENT = 'PERCENT',
  DATE = 'DATE',
  MONTH = 'MONTH',
  YEAR = 'YEAR',
}
registerEnumType(ReportValueFormat, {
  name: 'ReportValueFormat',
  description: 'Format der Werte einer Spalte.',
});

@ObjectType({ description: 'Eine Spalte eines Berichts.' })
export class ReportColumn {
  @Field(() => String)
  key!: string;

  @Field(() => String)
  label!: string;

  @Field(() => String, { description: '"DIMENSION" (gruppiert) oder "MEASURE" (Kennzahl).' })
  role!: 'DIMENSION' | 'MEASURE';

  @Field(() => ReportValueFormat)
  format!: ReportValueFormat;
}

@ObjectType({ description: 'Wie ein Bericht als Diagramm gezeigt wird.' })
export class ReportChart {
  @Field(() => ReportChartType)
  type!: ReportChartType;

  @Field(() => String, { nullable: true, description: 'Schlüssel der Spalte auf der x-Achse.' })
  x!: string | null;

  @Field(() => [String], { description: 'Schlüssel der Kennzahlen, die als Reihen gezeigt werden.' })
  series!: string[];

  @Field(() => Boolean)
  stacked!: boolean;
}

@ObjectType({
  description:
    'Ein Sprung in einen anderen Bericht: ein Wert der Spalte öffnet den Bericht, gefiltert nach der id dieser Zeile.',
})
export class ReportDrillDown {
  @Field(() => String)
  column!: string;

  @Field(() => String)
  report!: string;

  @Field(() => String, { description: 'Der Filter des Zielberichts, z. B. socialAreaIds.' })
  filter!: string;
}

@ObjectType({ description: 'Die angewandten Filter, mit deutschen Bezeichnungen.' })
export class ReportFiltersApplied {
  @Field(() => [Int])
  years!: number[];

  @Field(() => [String])
  socialAreas!: string[];

  @Field(() => [String])
  regionalTeams!: string[];

  @Field(() => [String])
  financingKinds!: string[];

  @Field(() => [String])
  providers!: string[];

  @Field(() => [String])
  offers!: string[];

  @Field(() => String, { description: 'Die Filter in einem Satz.' })
  text!: string;
}

@ObjectType({ description: 'Die Zahlen eines Berichts.' })
export class ReportResult {
  @Field(() => String)
  key!: string;

  @Field(() => String)
  title!: string;

  @Field(() => String, { nullable: true })
  description!: string | null;

  @Field(() => ReportChart)
  chart!: ReportChart;

  @Field(() => [ReportColumn])
  columns!: ReportColumn[];

  @Field(() => [[GraphQLJSON]], {
    nullable: 'items',
    description: 'Eine Liste je Zeile, Werte in Spaltenreihenfolge; Beträge in Cent als ganze Zahlen.',
  })
  rows!: unknown[][];

  @Field(() => [[String]], {
    nullable: 'items',
    description: 'Die ids hinter den Werten (gleiche Form wie rows; null, wo eine Spalte keine id hat).',
  })
  rowIds!: (string | null)[][];

  @Field(() => [GraphQLJSON], {
    nullable: 'items',
    description:
      'Je Spalte die Summe über alle Zeilen des Berichts, nicht nur die der Seite (summierbare Kennzahlen), sonst null.',
  })
  totals!: unknown[];

  @Field(() => Int, {
    description: 'Wie viele Zeilen der ganze Bericht hat (mit page: alle Seiten zusammen).',
  })
  totalRows!: number;

  @Field(() => Int, { description: 'Die wievielte Zeile (ab 0) die erste von rows ist.' })
  offset!: number;

  @Field(() => String, {
    description:
      'Die Zahlen als deutscher Text (Alternative zum Diagramm); Anzahl und Summen über alle Zeilen.',
  })
  summary!: string;

  @Field(() => Date, { description: 'Wann die Zahlen gelesen wurden.' })
  asOf!: Date;

  @Field(() => ReportFiltersApplied)
  filters!: ReportFiltersApplied;

  @Field(() => [ReportDrillDown])
  drillDowns!: ReportDrillDown[];
}

@InputType({ description: 'Filter eines Berichts; was der Bericht nicht kennt, bleibt unbeachtet.' })
export class ReportFilterInput {
  @Field(() => [Int], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(50, { message: 'Höchstens 50 Haushaltsjahre.' })
  @IsInt({ each: true, message: 'Ein Haushaltsjahr muss eine ganze Zahl sein.' })
  @Min(1900, { each: true, message: 'Haushaltsjahre beginnen bei 1900.' })
  @Max(2200, { each: true, message: 'Haushaltsjahre enden bei 2200.' })
  years?: number[] | null;

  @Field(() => [UUIDScalar], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(500, { message: 'Höchstens 500 Sozialräume.' })
  socialAreaIds?: string[] | null;

  @Field(() => [UUIDScalar], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(500, { message: 'Höchstens 500 Regionalteams.' })
  regionalTeamIds?: string[] | null;

  @Field(() => [FinancingKind], { nullable: true })
  @IsOptional()
  financingKinds?: FinancingKind[] | null;

  @Field(() => [UUIDScalar], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(500, { message: 'Höchstens 500 Träger.' })
  providerIds?: string[] | null;

  @Field(() => [UUIDScalar], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(500, { message: 'Höchstens 500 Angebote.' })
  offerIds?: string[] | null;
}

/** How many rows one page of a report holds by default and at most. */
export const DEFAULT_REPORT_PAGE_SIZE = 50;
export const MAX_REPORT_PAGE_SIZE = 500;
/** The furthest a page may start; a table is paged, not scrolled through a million rows. */
export const MAX_REPORT_OFFSET = 1_000_000;

@InputType({
  description: `Eine Seite eines Berichts: limit Zeilen ab der Zeile offset (ab 0). Höchstens ${MAX_REPORT_PAGE_SIZE} Zeilen je Seite.`,
})
export class ReportPageInput {
  @Field(() => Int, { defaultValue: 0 })
  @IsInt({ message: 'offset muss eine ganze Zahl sein.' })
  @Min(0, { message: 'offset darf nicht negativ sein.' })
  @Max(MAX_REPORT_OFFSET, { message: `offset darf höchstens ${MAX_REPORT_OFFSET} sein.` })
  offset!: number;

  @Field(() => Int, { defaultValue: DEFAULT_REPORT_PAGE_SIZE })
  @IsInt({ message: 'limit muss eine ganze Zahl sein.' })
  @Min(1, { message: `limit muss zwischen 1 und ${MAX_REPORT_PAGE_SIZE} liegen.` })
  @Max(MAX_REPORT_PAGE_SIZE, { message: `limit muss zwischen 1 und ${MAX_REPORT_PAGE_SIZE} liegen.` })
  limit!: number;
}

@ObjectType({ description: 'Ein Bericht, den die angemeldete Person abrufen darf.' })
export class ReportSummary {
  @Field(() => String)
  key!: string;

  @Field(() => Int)
  version!: number;

  @Field(() => String)
  title!: string;

  @Field(() => String, { nullable: true })
  description!: string | null;

  @Field(() => String)
  dataset!: string;

  @Field(() => ReportChartType)
  chartType!: ReportChartType;

  @Field(() => [String])
  filterKeys!: string[];
}

@ObjectType({ description: 'Ein Bericht auf einem Dashboard.' })
export class DashboardItem {
  @Field(() => String)
  report!: string;

  @Field(() => Int, { description: 'Breite in Zwölfteln (1 bis 12).' })
  width!: number;
}

@ObjectType({ description: 'Eine Zusammenstellung von Berichten mit gemeinsamen Filtern.' })
export class Dashboard {
  @Field(() => String)
  key!: string;

  @Field(() => String)
  title!: string;

  @Field(() => String, { nullable: true })
  description!: string | null;

  @Field(() => [String])
  filterKeys!: string[];

  @Field(() => [DashboardItem])
  items!: DashboardItem[];
}

@ObjectType({ description: 'Ein Feld eines Datenbestands, das der Berichtseditor anbietet.' })
export class ReportFieldInfo {
  @Field(() => String)
  key!: string;

  @Field(() => String)
  label!: string;

  @Field(() => ReportValueFormat)
  format!: ReportValueFormat;
}

@ObjectType({ description: 'Ein Datenbestand, über den Berichte gebaut werden können.' })
export class ReportDatasetInfo {
  @Field(() => String)
  key!: string;

  @Field(() => String)
  label!: string;

  @Field(() => [ReportFieldInfo])
  dimensions!: ReportFieldInfo[];

  @Field(() => [ReportFieldInfo])
  measures!: ReportFieldInfo[];

  @Field(() => [String])
  filterKeys!: string[];
}

@ObjectType({
  description: 'Antwort auf saveReport: die neue Version oder Feldfehler (dann wurde nichts gespeichert).',
})
export class ReportSavePayload extends FieldErrorsPayload {
  @Field(() => ReportSummary, { nullable: true })
  report!: ReportSummary | null;
}
