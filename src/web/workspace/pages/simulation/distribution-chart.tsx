// Bar chart of how many applicants fall in each award bracket, one series per scenario. ECharts is
// imported piecemeal (bar chart, grid, tooltip, legend, canvas) to keep the chunk small, and without
// animation so screenshots and tests see the final picture.
import { BarChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';
import type { Bucket } from './distribution';

echarts.use([BarChart, GridComponent, TooltipComponent, LegendComponent, CanvasRenderer]);

export interface ChartSeries {
  name: string;
  buckets: Bucket[];
}

export default function DistributionChart(props: { labels: string[]; series: ChartSeries[]; title: string }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!ref.current) return;
    const chart = echarts.init(ref.current);
    chart.setOption({
      animation: false,
      tooltip: { trigger: 'axis' },
      legend: { top: 0 },
      grid: { left: 40, right: 16, bottom: 32, top: 48 },
      xAxis: { type: 'category', data: props.labels },
      yAxis: { type: 'value', minInterval: 1 },
      series: props.series.map((s) => ({ type: 'bar', name: s.name, data: s.buckets.map((b) => b.count) })),
    });
    const resize = () => chart.resize();
    window.addEventListener('resize', resize);
    return () => {
      window.removeEventListener('resize', resize);
      chart.dispose();
    };
  }, [props.labels, props.series]);
  return (
    <div
      ref={ref}
      className="ws-chart"
      role="img"
      aria-label={props.title}
      data-testid="distribution-chart"
    />
  );
}
