import { graphql } from '../gql/index.js';

/** The choices of the report filters: years, Sozialräume (with their team) and Regionalteams. */
export const reportFilterOptionsQuery = graphql(`
  query ReportFilterOptions {
    budgetYears(includeInactive: true) {
      id
      year
    }
    socialAreas(includeInactive: true) {
      id
      name
      regionalTeam {
        id
      }
    }
    regionalTeams(includeInactive: true) {
      id
      name
    }
  }
`);

export const reportResultFragment = graphql(`
  fragment ReportResultFields on ReportResult {
    key
    title
    description
    chart {
      type
      x
      series
      stacked
    }
    columns {
      key
      label
      role
      format
    }
    rows
    rowIds
    totals
    totalRows
    offset
    summary
    asOf
    filters {
      years
      socialAreas
      regionalTeams
      financingKinds
      providers
      offers
      text
    }
    drillDowns {
      column
      report
      filter
    }
  }
`);

/** A dashboard's arrangement (which reports, how wide, which filters). */
export const dashboardQuery = graphql(`
  query Dashboard($key: String!) {
    dashboard(key: $key) {
      key
      title
      description
      filterKeys
      items {
        report
        width
      }
    }
  }
`);

/** The figures of one report with the filters chosen; a table report one page of its rows. */
export const reportQuery = graphql(`
  query Report($key: String!, $filters: ReportFilterInput, $page: ReportPageInput) {
    report(key: $key, filters: $filters, page: $page) {
      ...ReportResultFields
    }
  }
`);

/** The reports the caller may run (the editor's list and the report page's filters). */
export const reportsQuery = graphql(`
  query Reports {
    reports {
      key
      version
      title
      description
      dataset
      chartType
      filterKeys
    }
  }
`);

/** The editor's choices: datasets with their dimensions, measures and filters. */
export const reportDatasetsQuery = graphql(`
  query ReportDatasets {
    reportDatasets {
      key
      label
      filterKeys
      dimensions {
        key
        label
        format
      }
      measures {
        key
        label
        format
      }
    }
  }
`);

/** The stored definition of a report, for the editor. */
export const reportDefinitionQuery = graphql(`
  query ReportDefinition($key: String!) {
    reportDefinition(key: $key)
  }
`);

/** The editor's live preview on real data. */
export const previewReportQuery = graphql(`
  query PreviewReport($definition: JSON!, $filters: ReportFilterInput) {
    previewReport(definition: $definition, filters: $filters) {
      ...ReportResultFields
    }
  }
`);

export const saveReportMutation = graphql(`
  mutation SaveReport($definition: JSON!, $expectedVersion: Int) {
    saveReport(definition: $definition, expectedVersion: $expectedVersion) {
      report {
        key
        version
        title
      }
      errors {
        path
        message
      }
      errorCount
    }
  }
`);
