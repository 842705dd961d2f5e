import { Paper, Stack, TextField } from '@mui/material';
import { useQuery } from '../api/useQuery.js';
import { reportFilterOptionsQuery } from './api.js';
import type { ReportFilterState } from './report-filters.js';
import type { ReportFinancingKind } from './report-types.js';

export const FINANCING_KIND_OPTIONS: readonly { value: ReportFinancingKind; label: string }[] = [
  { value: 'GRANT', label: 'Kreiszuschuss (§ 74 SGB VIII)' },
  { value: 'FEE', label: 'Fachleistungsstunden (§ 77 SGB VIII)' },
];

interface SelectProps {
  id: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  options: readonly { value: string; label: string }[];
  /** What the empty choice is called. */
  none?: string;
}

const Select = ({ id, label, value, onChange, options, none = 'Alle' }: SelectProps) => (
  <TextField
    select
    id={id}
    label={label}
    value={value}
    onChange={(event) => onChange(event.target.value)}
    sx={{ minWidth: 200 }}
    size="small"
    slotProps={{ select: { native: true }, inputLabel: { shrink: true } }}
  >
    <option value="">{none}</option>
    {/* A value from a shared link that is not among the choices stays visible as chosen. */}
    {value !== '' && !options.some((option) => option.value === value) && (
      <option value={value}>Ausgewählt (per Link)</option>
    )}
    {options.map((option) => (
      <option key={option.value} value={option.value}>
        {option.label}
      </option>
    ))}
  </TextField>
);

interface ReportFilterBarProps {
  filters: ReportFilterState;
  onChange: (filters: ReportFilterState) => void;
  /** The filter keys the reports shown accept; all four when absent. */
  filterKeys?: readonly string[];
}

const single = <T,>(values: readonly T[]): T | '' => (values.length === 1 ? values[0]! : '');

/** Year, Sozialraum, Regionalteam and financing kind; each change goes into the page address. */
export const ReportFilterBar = ({ filters, onChange, filterKeys }: ReportFilterBarProps) => {
  const options = useQuery(reportFilterOptionsQuery);
  const data = options.status === 'success' ? options.data : null;
  const shows = (key: string) => !filterKeys || filterKeys.includes(key);
  const team = single(filters.regionalTeamIds);
  const areas = (data?.socialAreas ?? []).filter((area) => !team || area.regionalTeam?.id === team);
  const years = [...new Set((data?.budgetYears ?? []).map((year) => year.year))].sort((a, b) => b - a);

  return (
    <Paper component="section" aria-label="Filter" variant="outlined" sx={{ p: 2, mb: 3 }}>
      <Stack direction="row" useFlexGap spacing={2} sx={{ flexWrap: 'wrap' }}>
        {shows('years') && (
          <Select
            id="report-filter-year"
            label="Haushaltsjahr"
            // Without a year, each report shows the years its definition presets (mostly the current one).
            none="Voreinstellung des Berichts"
            value={String(single(filters.years))}
            onChange={(value) => onChange({ ...filters, years: value ? [Number(value)] : [] })}
            options={years.map((year) => ({ value: String(year), label: String(year) }))}
          />
        )}
        {shows('regionalTeamIds') && (
          <Select
            id="report-filter-regional-team"
            label="Regionalteam"
            value={team}
            onChange={(value) => onChange({ ...filters, regionalTeamIds: value ? [value] : [] })}
            options={(data?.regionalTeams ?? []).map((item) => ({ value: item.id, label: item.name }))}
          />
        )}
        {shows('socialAreaIds') && (
          <Select
            id="report-filter-social-area"
            label="Sozialraum"
            value={single(filters.socialAreaIds)}
            onChange={(value) => onChange({ ...filters, socialAreaIds: value ? [value] : [] })}
            options={areas.map((item) => ({ value: item.id, label: item.name }))}
          />
        )}
        {shows('financingKinds') && (
          <Select
            id="report-filter-financing"
            label="Finanzierungsart"
            value={single(filters.financingKinds)}
            onChange={(value) =>
              onChange({ ...filters, financingKinds: value ? [value as ReportFinancingKind] : [] })
            }
            options={FINANCING_KIND_OPTIONS}
          />
        )}
      </Stack>
    </Paper>
  );
};
