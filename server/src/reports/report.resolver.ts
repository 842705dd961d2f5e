import { GraphQLJSON } from 'graphql-scalars';
import { Arg, Ctx, Int, Mutation, Query, Resolver } from 'type-graphql';
import { type GraphQLContext, requireCaller } from '../common/context.js';
import {
  findDashboard,
  listDatasets,
  listReports,
  previewReport,
  readReportDefinition,
  runStoredReport,
  saveReport,
} from './report.service.js';
import {
  Dashboard,
  ReportDatasetInfo,
  ReportFilterInput,
  ReportPageInput,
  ReportResult,
  ReportSavePayload,
  ReportSummary,
} from './report.types.js';

@Resolver()
export class ReportResolver {
  @Query(() => [ReportSummary], { description: 'Die Berichte, die die angemeldete Person abrufen darf.' })
  reports(@Ctx() context: GraphQLContext): Promise<ReportSummary[]> {
    return listReports(context.em, requireCaller(context));
  }

  @Query(() => Dashboard, {
    nullable: true,
    description: 'Ein Dashboard; „committee“ ist das Dashboard des Fachgremiums.',
  })
  dashboard(
    @Arg('key', () => String) key: string,
    @Ctx() context: GraphQLContext,
  ): Promise<Dashboard | null> {
    return findDashboard(context.em, requireCaller(context), key);
  }

  @Query(() => ReportResult, {
    description: 'Die Zahlen eines Berichts im Rahmen der eigenen Sicht (Sozialräume), mit den Filtern.',
  })
  report(
    @Arg('key', () => String) key: string,
    @Arg('filters', () => ReportFilterInput, { nullable: true }) filters: ReportFilterInput | null,
    @Arg('page', () => ReportPageInput, {
      nullable: true,
      description:
        'Nur eine Seite der Zeilen (Tabellen); totalRows, totals und summary gelten für den ganzen Bericht. Ohne page alle Zeilen bis zur Obergrenze.',
    })
    page: ReportPageInput | null,
    @Ctx() context: GraphQLContext,
  ): Promise<ReportResult> {
    return runStoredReport(context.em, requireCaller(context), key, filters, page);
  }

  @Query(() => GraphQLJSON, {
    description: 'Administration: die gültige Definition eines Berichts (mit version).',
  })
  reportDefinition(@Arg('key', () => String) key: string, @Ctx() context: GraphQLContext): Promise<unknown> {
    return readReportDefinition(context.em, requireCaller(context), key);
  }

  @Query(() => [ReportDatasetInfo], {
    description: 'Administration: die Datenbestände für den Berichtseditor.',
  })
  reportDatasets(@Ctx() context: GraphQLContext): ReportDatasetInfo[] {
    return listDatasets(requireCaller(context));
  }

  @Query(() => ReportResult, {
    description:
      'Administration: Vorschau einer noch nicht gespeicherten Definition; eine fehlerhafte ergibt BAD_USER_INPUT mit fieldErrors.',
  })
  previewReport(
    @Arg('definition', () => GraphQLJSON) definition: unknown,
    @Arg('filters', () => ReportFilterInput, { nullable: true }) filters: ReportFilterInput | null,
    @Ctx() context: GraphQLContext,
  ): Promise<ReportResult> {
    return previewReport(context.em, requireCaller(context), definition, filters);
  }

  @Mutation(() => ReportSavePayload, {
    description: 'Administration: speichert eine Definition als neue Version des Berichts (Audit).',
  })
  saveReport(
    @Arg('definition', () => GraphQLJSON) definition: unknown,
    @Arg('expectedVersion', () => Int, { nullable: true }) expectedVersion: number | null,
    @Ctx() context: GraphQLContext,
  ): Promise<ReportSavePayload> {
    return saveReport(context, { definition, expectedVersion });
  }
}
