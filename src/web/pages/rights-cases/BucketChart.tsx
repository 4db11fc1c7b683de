/** A bar chart of counts per label (ECharts, only the parts used), for the rights statistics. */
import { BarChart } from 'echarts/charts';
import { GridComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';
import type { Bucket } from './types';

echarts.use([BarChart, GridComponent, TooltipComponent, CanvasRenderer]);

export function BucketChart({
  data,
  label,
  horizontal = false,
}: {
  data: Bucket[];
  label: string;
  horizontal?: boolean;
}) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!ref.current) return;
    const chart = echarts.init(ref.current);
    const category = {
      type: 'category' as const,
      data: data.map((d) => d.label),
      axisLabel: { interval: 0, width: 90, overflow: 'truncate' as const },
    };
    const value = { type: 'value' as const, minInterval: 1 };
    chart.setOption({
      animation: !window.matchMedia('(prefers-reduced-motion: reduce)').matches,
      grid: { left: horizontal ? 100 : 40, right: 16, top: 16, bottom: 32 },
      tooltip: { trigger: 'axis' },
      xAxis: horizontal ? value : category,
      yAxis: horizontal ? category : value,
      series: [
        { type: 'bar', name: label, data: data.map((d) => d.count), itemStyle: { color: '#1d4ed8' }, barMaxWidth: 32 },
      ],
    });
    const resize = () => chart.resize();
    window.addEventListener('resize', resize);
    return () => {
      window.removeEventListener('resize', resize);
      chart.dispose();
    };
  }, [data, label, horizontal]);
  return (
    <div
      ref={ref}
      style={{ height: 240 }}
      role="img"
      aria-label={`${label}：${data.map((d) => `${d.label} ${d.count}`).join('，')}`}
    />
  );
}
