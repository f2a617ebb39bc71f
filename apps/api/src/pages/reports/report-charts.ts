import type { ReportTable } from '@roundtable/testimony';
import type { TopLevelSpec } from 'vega-lite';

const BAR_HEIGHT = 24;
const CHART_WIDTH = 360;

/**
 * A horizontal bar chart of one table's counts, drawn on the server as SVG by Vega-Lite: no
 * script reaches the browser, and the page prints as it shows. The chart is one image to
 * assistive technology (role="img" with a name); its figures are in the table beside it.
 * Vega escapes every label it writes, so staff-entered names (themes, events) stay text.
 */
export async function barChartSvg(table: ReportTable): Promise<string> {
  // Loaded on first use: Vega is large, and only the report page draws charts.
  const [{ parse, View }, { compile }] = await Promise.all([import('vega'), import('vega-lite')]);
  const spec: TopLevelSpec = {
    $schema: 'https://vega.github.io/schema/vega-lite/v5.json',
    width: CHART_WIDTH,
    height: { step: BAR_HEIGHT },
    data: { values: table.rows.map(([label, count]) => ({ label: String(label), count })) },
    mark: { type: 'bar', color: '#003c42' },
    encoding: {
      y: { field: 'label', type: 'nominal', sort: null, title: null, axis: { labelLimit: 260 } },
      x: {
        field: 'count',
        type: 'quantitative',
        title: table.columns[1],
        axis: { tickMinStep: 1, format: 'd' },
      },
    },
    config: { font: 'Arial, sans-serif', axis: { labelFontSize: 13, titleFontSize: 13 } },
  };
  const view = new View(parse(compile(spec).spec), { renderer: 'none' });
  try {
    // Vega's own roles and labels on its marks would sit inside role="img", where they are never
    // read and axe reports them as images without a name: the whole chart is one image.
    const svg = (await view.toSVG()).replace(/ (role|aria-roledescription|aria-label)="[^"]*"/g, '');
    const name = `Bar chart: ${table.title}. The same figures are in the table beside it.`;
    return svg.replace(/^<svg /, `<svg role="img" aria-label="${escapeAttribute(name)}" focusable="false" `);
  } finally {
    view.finalize();
  }
}

function escapeAttribute(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
