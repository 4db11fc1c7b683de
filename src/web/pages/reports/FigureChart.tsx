/** A grouped bar chart of figures (ECharts, only the parts used): categories along x, one bar per series. */
import { BarChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useMemo } from 'react';
import { useEchart } from '../../hooks/useEchart';

echarts.use([BarChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

export interface FigureSeries {
  name: string;
  color: string;
  values: (number | null)[];
}

export function FigureChart({
  label,
  categories,
  series,
}: {
  /** The chart's accessible name. */
  label: string;
  categories: string[];
  series: FigureSeries[];
}) {
  const ref = useEchart(
    useMemo(
      () => ({
        animation: !window.matchMedia('(prefers-reduced-motion: reduce)').matches,
        grid: { left: 48, right: 16, top: 40, bottom: 72 },
        legend: { top: 0, data: series.map((s) => s.name) },
        tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
        xAxis: {
          type: 'category',
          data: categories,
          axisLabel: { interval: 0, rotate: categories.length > 6 ? 35 : 0, width: 96, overflow: 'truncate' },
        },
        yAxis: { type: 'value', minInterval: 1 },
        series: series.map((s) => ({
          type: 'bar',
          name: s.name,
          data: s.values,
          itemStyle: { color: s.color },
          barMaxWidth: 28,
        })),
      }),
      [categories, series],
    ),
  );

  const summary = categories
    .map((c, i) => `${c}：${series.map((s) => `${s.name}${s.values[i] ?? '—'}`).join('，')}`)
    .join('；');
  return (
    <div ref={ref} style={{ height: 320, width: '100%' }} role="img" aria-label={label} aria-description={summary} />
  );
}
