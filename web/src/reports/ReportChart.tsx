import { Box } from '@mui/material';
import { type RefObject, useEffect, useRef } from 'react';
import { useNavigate } from 'react-router';
import {
  Bar,
  BarChart,
  CartesianGrid,
  Cell,
  Legend,
  Line,
  LineChart,
  type MouseHandlerDataParam,
  Pie,
  PieChart,
  ResponsiveContainer,
  Tooltip,
  useActiveTooltipLabel,
  XAxis,
  YAxis,
} from 'recharts';
import { type ChartModel, chartValueText, seriesColour } from './chart-model.js';
import type { ReportChartType } from './report-types.js';

interface ReportChartProps {
  model: ChartModel;
  type: ReportChartType;
  /** Names the chart for screen readers („Diagramm: Budgetverwendung“). */
  label: string;
  /** The id of the text summary that describes the chart. */
  describedBy?: string;
  height?: number;
}

/** Keeps the label of the point the keyboard (or mouse) has chosen, for Enter to follow its link. */
const ActiveLabel = ({ labelRef }: { labelRef: RefObject<string | null> }) => {
  const label = useActiveTooltipLabel();
  useEffect(() => {
    labelRef.current = label === undefined || label === null ? null : String(label);
  }, [label, labelRef]);
  return null;
};

/** Dashes tell lines apart without colour. */
const LINE_DASHES = ['', '6 3', '2 3', '8 3 2 3'] as const;

/**
 * A report's figures as a bar, stacked bar, line or pie chart. The surface takes the focus and the
 * arrow keys move through the points (recharts' accessibility layer); a click on a point follows its
 * drill-down. The table beside it is the full alternative.
 */
export const ReportChart = ({ model, type, label, describedBy, height = 300 }: ReportChartProps) => {
  const navigate = useNavigate();
  const active = useRef<string | null>(null);
  const data = model.data.map((datum) => ({ label: datum.label, href: datum.href, ...datum.values }));
  const linked = model.data.some((datum) => datum.href);
  const onClick = (state: MouseHandlerDataParam) => {
    const index = Number(state.activeTooltipIndex ?? state.activeIndex);
    const href = Number.isInteger(index) ? model.data[index]?.href : null;
    if (href) void navigate(href);
  };
  const tooltipValue = (value: unknown) => chartValueText(value, model.format);
  const tick = (value: unknown) => chartValueText(value, model.format, true);
  const onKeyDown = (event: { key: string }) => {
    if (event.key !== 'Enter') return;
    const href = model.data.find((datum) => datum.label === active.current)?.href;
    if (href) void navigate(href);
  };
  const common = {
    data,
    accessibilityLayer: true,
    'aria-label': linked ? `${label} Die Eingabetaste öffnet den gewählten Wert.` : label,
    'aria-describedby': describedBy,
    margin: { top: 8, right: 16, bottom: 8, left: 16 },
    onClick: linked ? onClick : undefined,
    style: linked ? { cursor: 'pointer' } : undefined,
  };

  let chart;
  if (type === 'PIE') {
    const series = model.series[0];
    chart = (
      <PieChart {...common}>
        <Pie
          data={data}
          dataKey={series?.key ?? 'value'}
          nameKey="label"
          label={({ name, value }: { name?: string; value?: number }) =>
            `${name ?? ''}: ${tooltipValue(value)}`
          }
          isAnimationActive={false}
          stroke="#ffffff"
        >
          {data.map((datum, index) => (
            <Cell key={datum.label} fill={seriesColour(index)} />
          ))}
        </Pie>
        <Tooltip formatter={tooltipValue} />
        <ActiveLabel labelRef={active} />
        <Legend itemSorter={null} />
      </PieChart>
    );
  } else if (type === 'LINE') {
    chart = (
      <LineChart {...common}>
        <CartesianGrid strokeDasharray="3 3" stroke="#bdbdbd" />
        <XAxis dataKey="label" tick={{ fill: '#212121' }} />
        <YAxis tickFormatter={tick} tick={{ fill: '#212121' }} width={96} />
        <Tooltip formatter={tooltipValue} />
        <ActiveLabel labelRef={active} />
        <Legend itemSorter={null} />
        {model.series.map((series, index) => (
          <Line
            key={series.key}
            dataKey={series.key}
            name={series.label}
            stroke={seriesColour(index)}
            strokeWidth={2}
            strokeDasharray={LINE_DASHES[index % LINE_DASHES.length]}
            isAnimationActive={false}
            connectNulls
          />
        ))}
      </LineChart>
    );
  } else {
    const stacked = type === 'STACKED_BAR';
    chart = (
      <BarChart {...common}>
        <CartesianGrid strokeDasharray="3 3" stroke="#bdbdbd" />
        <XAxis dataKey="label" tick={{ fill: '#212121' }} />
        <YAxis tickFormatter={tick} tick={{ fill: '#212121' }} width={96} />
        <Tooltip formatter={tooltipValue} />
        <ActiveLabel labelRef={active} />
        <Legend itemSorter={null} />
        {model.series.map((series, index) => (
          <Bar
            key={series.key}
            dataKey={series.key}
            name={series.label}
            fill={seriesColour(index)}
            stackId={stacked ? 'stack' : undefined}
            isAnimationActive={false}
          />
        ))}
      </BarChart>
    );
  }

  return (
    <Box
      onKeyDown={linked ? onKeyDown : undefined}
      sx={{
        width: '100%',
        height,
        '& svg[tabindex]:focus-visible': { outline: '3px solid #0d47a1', outlineOffset: 2 },
      }}
    >
      <ResponsiveContainer width="100%" height="100%">
        {chart}
      </ResponsiveContainer>
    </Box>
  );
};
