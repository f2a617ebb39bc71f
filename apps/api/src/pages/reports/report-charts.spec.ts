import { barChartSvg } from './report-charts';

describe('barChartSvg', () => {
  const table = {
    id: 'themes',
    title: 'Testimony by theme',
    columns: ['Theme', 'Testimonies'],
    rows: [
      ['<script>alert("x")</script> & more', 3],
      ['Funding', 2],
    ],
    chart: true,
  };

  it('is one named image, with no roles of its own inside', async () => {
    const svg = await barChartSvg(table);
    expect(svg).toMatch(
      /^<svg role="img" aria-label="Bar chart: Testimony by theme\. The same figures are in the table beside it\." focusable="false" /,
    );
    expect(svg.match(/ role="/g)).toHaveLength(1);
    expect(svg).not.toContain('aria-roledescription');
  });

  it('writes staff-entered labels as text, never markup', async () => {
    const svg = await barChartSvg(table);
    expect(svg).not.toContain('<script');
    expect(svg).toContain('&lt;script&gt;');
  });
});
