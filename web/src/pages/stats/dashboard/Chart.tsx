// ECharts through echarts-for-react's core build, with only the charts and components the dashboard draws.
// The ESM build: lib/core is CommonJS, whose default import is the module object in the browser bundle.
import ReactEChartsCore from 'echarts-for-react/esm/core';
import * as echarts from 'echarts/core';
import { BarChart, LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, MarkLineComponent, TitleComponent, TooltipComponent } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';
import type { ChartOption } from '@gonghui/common';

echarts.use([BarChart, LineChart, GridComponent, LegendComponent, MarkLineComponent, TitleComponent, TooltipComponent, CanvasRenderer]);

interface ChartProps {
  option: ChartOption;
  height?: number;
  onClickName?: (name: string) => void;
  testId?: string;
}

export function Chart({ option, height = 340, onClickName, testId }: ChartProps) {
  const onEvents = onClickName
    ? {
        click: (p: { name?: unknown }) => {
          if (typeof p.name === 'string') onClickName(p.name);
        },
      }
    : undefined;
  return (
    <div data-testid={testId}>
      <ReactEChartsCore echarts={echarts} option={option} notMerge style={{ height, width: '100%' }} onEvents={onEvents} />
    </div>
  );
}
