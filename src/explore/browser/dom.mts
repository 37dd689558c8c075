/** Small DOM helpers for the explorer page. */

/** Returns the element with `id`; the page template defines every id the scripts use. */
export function byId<T extends HTMLElement = HTMLElement>(id: string): T {
  const element = document.getElementById(id);
  if (element === null) throw new Error(`the explorer page has no element with id "${id}"`);
  return element as T;
}

/** Creates an element with attributes and children; strings become text nodes, never HTML. */
export function element<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attributes: Record<string, string | boolean | undefined> = {},
  ...children: Array<Node | string>
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === undefined || value === false) continue;
    node.setAttribute(name, value === true ? '' : value);
  }
  node.append(...children);
  return node;
}

/** Turns a name into a string usable in an id attribute. */
export function idPart(name: string): string {
  return name.replace(/[^A-Za-z0-9_-]/g, (character) => `_${character.charCodeAt(0).toString(16)}`);
}

/** A small SVG line in a method's colour and dash pattern, used as its legend swatch. */
export function swatch(color: string, dash: readonly number[], width: number): SVGSVGElement {
  const svgNamespace = 'http://www.w3.org/2000/svg';
  const svg = document.createElementNS(svgNamespace, 'svg');
  svg.setAttribute('class', 'swatch');
  svg.setAttribute('viewBox', '0 0 28 10');
  svg.setAttribute('aria-hidden', 'true');
  const line = document.createElementNS(svgNamespace, 'line');
  line.setAttribute('x1', '1');
  line.setAttribute('x2', '27');
  line.setAttribute('y1', '5');
  line.setAttribute('y2', '5');
  line.setAttribute('stroke', color);
  line.setAttribute('stroke-width', String(width));
  if (dash.length > 0) line.setAttribute('stroke-dasharray', dash.map((part) => part * width).join(' '));
  svg.append(line);
  return svg;
}
