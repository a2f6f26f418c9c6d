import type { EChartsCoreOption } from 'echarts/core';
import { useEffect, useRef } from 'react';

/**
 * An ECharts chart through `echarts/core` (./echarts-core: bar, line and pie only), loaded the first
 * time a chart shows so that other pages never download it. Resizes with its box; `onClick` gets the
 * clicked item's name and series.
 */
export function EChart({
  option,
  height = 280,
  label,
  testId,
  onClick,
}: {
  option: EChartsCoreOption;
  height?: number;
  /** What the chart shows, for screen readers (the table view holds the figures). */
  label: string;
  testId?: string;
  onClick?: (item: { name: string; seriesName?: string; dataIndex: number }) => void;
}) {
  const ref = useRef<HTMLDivElement>(null);
  const clickRef = useRef(onClick);
  clickRef.current = onClick;

  useEffect(() => {
    let disposed = false;
    let dispose: (() => void) | undefined;
    void (async () => {
      const { echarts } = await import('./echarts-core');
      if (disposed || !ref.current) return;
      const chart = echarts.getInstanceByDom(ref.current) ?? echarts.init(ref.current);
      chart.setOption(option, true);
      chart.on('click', (p) => clickRef.current?.({ name: p.name, seriesName: p.seriesName, dataIndex: p.dataIndex }));
      const observer = new ResizeObserver(() => chart.resize());
      observer.observe(ref.current);
      dispose = () => {
        observer.disconnect();
        chart.dispose();
      };
    })();
    return () => {
      disposed = true;
      dispose?.();
    };
  }, [option]);

  return <div ref={ref} style={{ width: '100%', height }} data-testid={testId} role="img" aria-label={label} />;
}
