/** Target vs certified vs in-progress bases per jurisdiction, as a grouped bar chart (ECharts, only the parts used). */
import { BarChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useMemo } from 'react';
import { useEchart } from '../../hooks/useEchart';

echarts.use([BarChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

export interface TargetBar {
  name: string;
  target: number;
  certified: number;
  inProgress: number;
}

export const TARGET_CHART_LABEL = '目标完成情况图';

export function TargetChart({ data }: { data: TargetBar[] }) {
  const ref = useEchart(
    useMemo(() => {
      const crowded = data.length > 8;
      return {
        animation: !window.matchMedia('(prefers-reduced-motion: reduce)').matches,
        grid: { left: 48, right: 16, top: 40, bottom: crowded ? 72 : 40 },
        legend: { top: 0, data: ['目标数', '已认定', '在办'] },
        tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
        xAxis: {
          type: 'category',
          data: data.map((d) => d.name),
          axisLabel: { interval: 0, rotate: crowded ? 35 : 0, width: 96, overflow: 'truncate' },
        },
        yAxis: { type: 'value', minInterval: 1, name: '个' },
        series: [
          { type: 'bar', name: '目标数', data: data.map((d) => d.target), itemStyle: { color: '#94a3b8' } },
          { type: 'bar', name: '已认定', data: data.map((d) => d.certified), itemStyle: { color: '#16a34a' } },
          { type: 'bar', name: '在办', data: data.map((d) => d.inProgress), itemStyle: { color: '#f59e0b' } },
        ].map((series) => ({ ...series, barMaxWidth: 28 })),
      };
    }, [data]),
  );

  const summary = data.map((d) => `${d.name}：目标${d.target}，已认定${d.certified}，在办${d.inProgress}`).join('；');
  return (
    <div
      ref={ref}
      style={{ height: 340, width: '100%' }}
      role="img"
      aria-label={TARGET_CHART_LABEL}
      aria-description={summary}
      data-testid="target-chart"
    />
  );
}
