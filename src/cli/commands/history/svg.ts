// Small self-contained SVG charts (no scripts, no external fonts or styles) for a README or a CI
// artifact: a line chart for burndown and burnup, a bar chart for velocity and cycle time.

export interface LineSeries {
  name: string;
  values: readonly number[];
  color: string;
  dashed?: boolean;
}

export interface BarSeries {
  name: string;
  values: readonly number[];
  color: string;
}

const WIDTH = 640;
const HEIGHT = 320;
const LEFT = 48;
const RIGHT = 16;
const TOP = 36;
const BOTTOM = 56;

function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

function number(value: number): string {
  return String(Math.round(value * 100) / 100);
}

/** A round top for the value axis: 1, 2 or 5 times a power of ten. */
function niceMax(max: number): number {
  if (!(max > 0)) return 1;
  const power = 10 ** Math.floor(Math.log10(max));
  for (const step of [1, 2, 5, 10]) if (step * power >= max) return step * power;
  return 10 * power;
}

function frame(title: string, labels: readonly string[], top: number, body: string[], legend: ReadonlyArray<{ name: string; color: string; dashed?: boolean }>): string {
  const plotWidth = WIDTH - LEFT - RIGHT;
  const plotHeight = HEIGHT - TOP - BOTTOM;
  const parts: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${HEIGHT}" viewBox="0 0 ${WIDTH} ${HEIGHT}" font-family="sans-serif" font-size="11">`,
    `<title>${escapeXml(title)}</title>`,
    `<rect width="${WIDTH}" height="${HEIGHT}" fill="#ffffff"/>`,
    `<text x="${LEFT}" y="20" font-size="14" font-weight="bold" fill="#222222">${escapeXml(title)}</text>`,
  ];
  for (let k = 0; k <= 4; k++) {
    const y = TOP + plotHeight - (plotHeight * k) / 4;
    parts.push(`<line x1="${LEFT}" y1="${number(y)}" x2="${LEFT + plotWidth}" y2="${number(y)}" stroke="#e5e5e5"/>`);
    parts.push(`<text x="${LEFT - 6}" y="${number(y + 4)}" text-anchor="end" fill="#555555">${number((top * k) / 4)}</text>`);
  }
  parts.push(...body);
  // At most about eight labels along the bottom, first and last always.
  const every = Math.max(1, Math.ceil(labels.length / 8));
  labels.forEach((label, i) => {
    if (i % every !== 0 && i !== labels.length - 1) return;
    const x = LEFT + (labels.length === 1 ? plotWidth / 2 : (plotWidth * (i + 0.5)) / labels.length);
    parts.push(`<text x="${number(x)}" y="${TOP + plotHeight + 16}" text-anchor="middle" fill="#555555">${escapeXml(label)}</text>`);
  });
  legend.forEach((entry, i) => {
    const x = LEFT + i * 150;
    const y = HEIGHT - 14;
    parts.push(`<line x1="${x}" y1="${y - 4}" x2="${x + 18}" y2="${y - 4}" stroke="${entry.color}" stroke-width="3"${entry.dashed ? ' stroke-dasharray="4 3"' : ''}/>`);
    parts.push(`<text x="${x + 24}" y="${y}" fill="#333333">${escapeXml(entry.name)}</text>`);
  });
  parts.push('</svg>');
  return parts.join('\n') + '\n';
}

/** Lines over the same labels (days), each point centred in its label's slot. */
export function lineChartSvg(title: string, labels: readonly string[], series: readonly LineSeries[]): string {
  const plotWidth = WIDTH - LEFT - RIGHT;
  const plotHeight = HEIGHT - TOP - BOTTOM;
  const top = niceMax(Math.max(0, ...series.flatMap((line) => line.values)));
  const body = series.map((line) => {
    const points = line.values.map((value, i) => {
      const x = LEFT + (labels.length === 1 ? plotWidth / 2 : (plotWidth * (i + 0.5)) / labels.length);
      const y = TOP + plotHeight - (plotHeight * value) / top;
      return `${number(x)},${number(y)}`;
    });
    return `<polyline fill="none" stroke="${line.color}" stroke-width="2"${line.dashed ? ' stroke-dasharray="6 4"' : ''} points="${points.join(' ')}"><title>${escapeXml(line.name)}</title></polyline>`;
  });
  return frame(title, labels, top, body, series);
}

/** Bars per label; several series sit side by side in each slot. */
export function barChartSvg(title: string, labels: readonly string[], series: readonly BarSeries[]): string {
  const plotWidth = WIDTH - LEFT - RIGHT;
  const plotHeight = HEIGHT - TOP - BOTTOM;
  const top = niceMax(Math.max(0, ...series.flatMap((bars) => bars.values)));
  const slot = plotWidth / Math.max(1, labels.length);
  const barWidth = (slot * 0.7) / Math.max(1, series.length);
  const body: string[] = [];
  series.forEach((bars, s) => {
    bars.values.forEach((value, i) => {
      const height = (plotHeight * Math.max(0, value)) / top;
      const x = LEFT + slot * i + slot * 0.15 + barWidth * s;
      body.push(
        `<rect x="${number(x)}" y="${number(TOP + plotHeight - height)}" width="${number(barWidth)}" height="${number(height)}" fill="${bars.color}"><title>${escapeXml(`${labels[i]}: ${number(value)} ${bars.name}`)}</title></rect>`,
      );
    });
  });
  return frame(title, labels, top, body, series);
}
