/**
 * The interactive cost chart: Chart.js on log-log axes, one line per method in the same colour
 * and dash pattern as `attncost plot`, and the full-attention baseline thick, black and on top.
 */
import {
  Chart,
  LinearScale,
  LineController,
  LineElement,
  LogarithmicScale,
  PointElement,
  SubTitle,
  Title,
  Tooltip,
  type ChartDataset,
  type Plugin,
  type Scale,
} from 'chart.js';
import type { Method } from '../../catalogue.js';
import type { SeriesStyle } from '../../chart/palette.js';
import { formatTickLabel } from '../../chart/ticks.js';
import type { CostCurve } from '../../curves.js';
import { formatNumber } from '../../format.js';

Chart.register(LineController, LineElement, PointElement, LinearScale, LogarithmicScale, Tooltip, Title, SubTitle);

type Point = { x: number; y: number };

/** Line width of a method's curve in CSS pixels; the baseline multiplies it by its width factor. */
const LINE_WIDTH = 1.5;

/** Width a tick label needs on the N axis, in CSS pixels, such as "128K" with room on each side. */
const X_LABEL_PITCH = 48;

/** Height a tick label needs on the cost axis, in CSS pixels. */
const Y_LABEL_PITCH = 28;

/** Below this canvas width in CSS pixels, the cost axis title is shortened to leave room for the curves. */
const NARROW_CHART = 520;

const LABEL_STRIDES = [1, 2, 3, 4, 5, 6, 8, 10, 20];

export interface ChartView {
  curves: readonly CostCurve[];
  /** Names of the methods to draw. */
  shown: ReadonlySet<string>;
  from: number;
  to: number;
  /** The N of the ranking table, marked on the chart when it lies in the plotted range. */
  rankN: number;
  subtitle: string;
}

export class CostChart {
  readonly #chart: Chart<'line', Point[]>;
  readonly #styles: ReadonlyMap<string, SeriesStyle>;
  readonly #methods: readonly Method[];
  #rankN = Number.NaN;
  #subtitle = '';
  #highlighted: string | undefined;

  constructor(canvas: HTMLCanvasElement, methods: readonly Method[], styles: ReadonlyMap<string, SeriesStyle>, fontFamily: string) {
    this.#methods = methods;
    this.#styles = styles;
    Chart.defaults.font.family = fontFamily;
    Chart.defaults.color = '#1b1b1b';

    this.#chart = new Chart<'line', Point[]>(canvas, {
      type: 'line',
      data: { datasets: methods.map((method) => this.#dataset(method)) },
      options: {
        animation: false,
        // At least two canvas pixels per CSS pixel, so a saved PNG stays sharp on any screen.
        devicePixelRatio: Math.max(window.devicePixelRatio, 2),
        responsive: true,
        maintainAspectRatio: false,
        parsing: false,
        normalized: true,
        interaction: { mode: 'nearest', intersect: false, axis: 'xy' },
        onResize: (chart, size) => this.#fitText(chart as Chart<'line', Point[]>, size.width),
        plugins: {
          legend: { display: false },
          title: { display: true, text: 'Attention cost against sequence length', font: { size: 15, weight: 'bold' } },
          subtitle: { display: true, text: '', font: { size: 12 }, padding: { bottom: 8 } },
          tooltip: {
            callbacks: {
              title: (items) => (items[0] === undefined ? '' : `N = ${formatNumber(items[0].parsed.x ?? Number.NaN)}`),
              label: (item) => `${item.dataset.label ?? ''}: ${formatNumber(item.parsed.y ?? Number.NaN)}`,
            },
          },
        },
        scales: {
          x: {
            type: 'logarithmic',
            title: { display: true, text: 'sequence length N (tokens)' },
            afterBuildTicks: (axis) => placePowerTicks(axis, 2, X_LABEL_PITCH, axis.width),
            ticks: { autoSkip: false, maxRotation: 0, callback: (value) => formatTickLabel(Math.round(Math.log2(Number(value))), 'binary') },
          },
          y: {
            type: 'logarithmic',
            title: { display: true, text: 'cost (operations, constant factors omitted)' },
            afterBuildTicks: (axis) => placePowerTicks(axis, 10, Y_LABEL_PITCH, axis.height),
            ticks: { autoSkip: false, callback: (value) => formatTickLabel(Math.round(Math.log10(Number(value))), 'decimal') },
          },
        },
      },
      plugins: [whiteBackground, this.#rankLine()],
    });
  }

  /** Redraws the chart for new curves, selection, range and ranking N. */
  update(view: ChartView): void {
    const curves = new Map(view.curves.map((curve) => [curve.method.name, curve]));
    let low = Number.POSITIVE_INFINITY;
    let high = 0;

    this.#chart.data.datasets.forEach((dataset, index) => {
      const method = this.#methods[index]!;
      const curve = curves.get(method.name);
      const shown = view.shown.has(method.name) && curve !== undefined;
      dataset.hidden = !shown;
      dataset.data = shown ? Array.from(curve.xs, (x, i) => ({ x, y: curve.costs[i]! })) : [];
      if (!shown) return;
      for (const cost of curve.costs) {
        low = Math.min(low, cost);
        high = Math.max(high, cost);
      }
    });

    const scales = this.#chart.options.scales!;
    scales['x']!.min = view.from;
    scales['x']!.max = view.to;
    // The cost axis spans whole powers of ten, so both ends carry a label.
    const hasData = high > 0;
    scales['y']!.min = hasData ? 10 ** Math.floor(Math.log10(low)) : 1;
    scales['y']!.max = hasData ? 10 ** Math.max(Math.ceil(Math.log10(high)), Math.floor(Math.log10(low)) + 1) : 10;
    const drawn = this.#chart.data.datasets.filter((dataset) => dataset.hidden !== true).length;
    this.#chart.canvas.setAttribute(
      'aria-label',
      `Log-log chart of cost against sequence length N from ${formatNumber(view.from)} to ${formatNumber(view.to)}, ` +
        `${drawn} of ${this.#methods.length} methods shown. The ranking table lists the costs at one N.`,
    );
    this.#subtitle = view.subtitle;
    this.#fitText(this.#chart, this.#chart.width);
    this.#rankN = view.rankN;
    this.#chart.update('none');
  }

  /**
   * Wraps the subtitle and shortens the cost axis title to fit a canvas `width` pixels wide.
   * Chart.js calls this while the chart is constructed, so it takes the chart as an argument.
   */
  #fitText(chart: Chart<'line', Point[]>, width: number): void {
    const options = chart.options;
    options.plugins!.subtitle!.text = wrapText(this.#subtitle, width);
    const title = options.scales!['y']!.title!;
    title.text = width < NARROW_CHART ? 'cost' : 'cost (operations, constant factors omitted)';
  }

  /** Draws one method's curve wider and on top of the others; undefined restores every curve. */
  highlight(name: string | undefined): void {
    if (name === this.#highlighted) return;
    this.#highlighted = name;
    this.#chart.data.datasets.forEach((dataset, index) => {
      const method = this.#methods[index]!;
      const style = this.#styles.get(method.name)!;
      const emphasised = method.name === name;
      dataset.borderWidth = LINE_WIDTH * style.widthFactor * (emphasised ? 2.5 : 1);
      dataset.order = emphasised ? -2 : method.baseline ? -1 : 0;
    });
    this.#chart.update('none');
  }

  /** Returns the chart as a PNG data URL at the canvas's pixel size. */
  toPng(): string {
    return this.#chart.toBase64Image('image/png', 1);
  }

  #dataset(method: Method): ChartDataset<'line', Point[]> {
    const style = this.#styles.get(method.name)!;
    const width = LINE_WIDTH * style.widthFactor;
    return {
      label: method.baseline ? `${method.name} (baseline)` : method.name,
      data: [],
      borderColor: style.color,
      backgroundColor: style.color,
      borderWidth: width,
      borderDash: style.dash.map((part) => part * width),
      pointRadius: 0,
      pointHoverRadius: 4,
      pointHitRadius: 6,
      pointStyle: style.marker,
      tension: 0,
      // Chart.js draws lower orders last, so the baseline stays on top of the methods.
      order: method.baseline ? -1 : 0,
    };
  }

  #rankLine(): Plugin<'line'> {
    return {
      id: 'rankLine',
      afterDatasetsDraw: (chart) => {
        const x = chart.scales['x'];
        const area = chart.chartArea;
        if (x === undefined || !(this.#rankN >= Number(x.min) && this.#rankN <= Number(x.max))) return;
        const position = x.getPixelForValue(this.#rankN);
        const context = chart.ctx;
        context.save();
        context.strokeStyle = '#5a5a5a';
        context.lineWidth = 1;
        context.setLineDash([4, 3]);
        context.beginPath();
        context.moveTo(position, area.top);
        context.lineTo(position, area.bottom);
        context.stroke();
        context.setLineDash([]);
        context.fillStyle = '#3a3a3a';
        context.font = `12px ${Chart.defaults.font.family ?? 'sans-serif'}`;
        const label = `ranked at N = ${formatNumber(this.#rankN)}`;
        const width = context.measureText(label).width;
        const left = position + 4 + width <= area.right ? position + 4 : position - 4 - width;
        context.fillText(label, left, area.top + 14);
        context.restore();
      },
    };
  }
}

/** Fills the canvas white before drawing, so a saved PNG has the background seen on screen. */
const whiteBackground: Plugin<'line'> = {
  id: 'whiteBackground',
  beforeDraw: (chart) => {
    const context = chart.ctx;
    context.save();
    context.fillStyle = '#ffffff';
    context.fillRect(0, 0, chart.width, chart.height);
    context.restore();
  },
};

/**
 * Puts ticks on whole powers of `base` inside the axis range, every k-th power, with k the
 * smallest stride whose labels fit in `length` pixels.
 */
function placePowerTicks(axis: Scale, base: 2 | 10, pitch: number, length: number): void {
  const log = base === 2 ? Math.log2 : Math.log10;
  const low = Math.ceil(log(Number(axis.min)) - 1e-9);
  const high = Math.floor(log(Number(axis.max)) + 1e-9);
  if (!(high >= low)) return;
  const count = high - low + 1;
  const room = Math.max(2, Math.floor(length / pitch));
  const stride = LABEL_STRIDES.find((candidate) => Math.ceil(count / candidate) <= room) ?? Math.ceil(count / room);
  const first = Math.ceil(low / stride) * stride;
  const ticks = [];
  for (let exponent = first; exponent <= high; exponent += stride) ticks.push({ value: base ** exponent });
  axis.ticks = ticks;
}

/** Breaks `text` at spaces into lines that fit a canvas `width` pixels wide at 12 px. */
function wrapText(text: string, width: number): string[] {
  const perLine = Math.max(20, Math.floor(width / 6.5));
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    if (line !== '' && line.length + 1 + word.length > perLine) {
      lines.push(line);
      line = word;
    } else {
      line = line === '' ? word : `${line} ${word}`;
    }
  }
  if (line !== '') lines.push(line);
  return lines;
}
