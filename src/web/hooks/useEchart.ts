/**
 * An ECharts chart in a div: created when the div mounts, resized with its box, disposed when it unmounts, and given
 * `option` (replacing the previous one) whenever it changes — pass a memoised option. The chart's module registers
 * the ECharts parts it uses (echarts.use) itself.
 */
import * as echarts from 'echarts/core';
import { useEffect, useRef } from 'react';

export function useEchart(option: echarts.EChartsCoreOption) {
  const ref = useRef<HTMLDivElement>(null);
  const chartRef = useRef<echarts.ECharts | null>(null);
  useEffect(() => {
    if (!ref.current) return;
    const chart = echarts.init(ref.current);
    chartRef.current = chart;
    const observer = new ResizeObserver(() => chart.resize());
    observer.observe(ref.current);
    return () => {
      observer.disconnect();
      chart.dispose();
      chartRef.current = null;
    };
  }, []);
  useEffect(() => {
    chartRef.current?.setOption(option, { notMerge: true });
  }, [option]);
  return ref;
}
