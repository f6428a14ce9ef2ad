/**
 * The Teams app icons, drawn in code: a speech bubble with a tick.
 * - `color.png`: 192×192, full colour on an opaque background.
 * - `outline.png`: 32×32, white on transparent (Teams' rule for the outline icon: only white and transparency).
 *
 * Run `npx tsx manifest/teams/icons.ts` to rewrite both files after changing the drawing; a test checks that the
 * committed files show exactly what this draws.
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { encodePng, type RgbaImage } from './png.js';

/** The app's accent colour (also `accentColor` in the manifest). */
export const ACCENT: readonly [number, number, number] = [0x1f, 0x4e, 0x79];
const WHITE: readonly [number, number, number] = [255, 255, 255];

/** A shape as a membership test on the unit square (x right, y down). */
type Shape = (x: number, y: number) => boolean;

function roundedRect(x0: number, y0: number, x1: number, y1: number, radius: number, inset = 0): Shape {
  const cx = (x0 + x1) / 2;
  const cy = (y0 + y1) / 2;
  const hw = (x1 - x0) / 2 - inset;
  const hh = (y1 - y0) / 2 - inset;
  const r = Math.max(radius - inset, 0);
  return (x, y) => {
    const dx = Math.max(Math.abs(x - cx) - (hw - r), 0);
    const dy = Math.max(Math.abs(y - cy) - (hh - r), 0);
    return Math.abs(x - cx) <= hw && Math.abs(y - cy) <= hh && dx * dx + dy * dy <= r * r;
  };
}

/** A triangle (any winding), shrunk by `inset` from every edge. */
function triangle(points: readonly (readonly [number, number])[], inset = 0): Shape {
  const [p0, p1, p2] = points as [[number, number], [number, number], [number, number]];
  const sign = Math.sign((p1[0] - p0[0]) * (p2[1] - p0[1]) - (p1[1] - p0[1]) * (p2[0] - p0[0]));
  const edges = [
    [p0, p1],
    [p1, p2],
    [p2, p0],
  ] as const;
  return (x, y) =>
    edges.every(([a, b]) => {
      const cross = (b[0] - a[0]) * (y - a[1]) - (b[1] - a[1]) * (x - a[0]);
      return (sign * cross) / Math.hypot(b[0] - a[0], b[1] - a[1]) >= inset;
    });
}

/** A polyline stroked with round joins, `width` wide. */
function stroke(points: readonly (readonly [number, number])[], width: number): Shape {
  return (x, y) =>
    points.slice(1).some((b, i) => {
      const a = points[i] ?? b;
      const [vx, vy] = [b[0] - a[0], b[1] - a[1]];
      const t = Math.min(Math.max(((x - a[0]) * vx + (y - a[1]) * vy) / (vx * vx + vy * vy), 0), 1);
      return Math.hypot(x - a[0] - t * vx, y - a[1] - t * vy) <= width / 2;
    });
}

const union =
  (...shapes: Shape[]): Shape =>
  (x, y) =>
    shapes.some((shape) => shape(x, y));
const minus =
  (shape: Shape, hole: Shape): Shape =>
  (x, y) =>
    shape(x, y) && !hole(x, y);

/** The fraction of pixel (px, py) of a `size`² image that `shape` covers, by 4×4 supersampling. */
function coverage(shape: Shape, px: number, py: number, size: number): number {
  let hits = 0;
  for (let sy = 0; sy < 4; sy++)
    for (let sx = 0; sx < 4; sx++)
      if (shape((px + (sx + 0.5) / 4) / size, (py + (sy + 0.5) / 4) / size)) hits++;
  return hits / 16;
}

interface Layer {
  shape: Shape;
  colour: readonly [number, number, number];
}

/** Paints layers in order over `background` (`null`: transparent; then every layer must be white). */
function paint(
  size: number,
  background: readonly [number, number, number] | null,
  layers: Layer[],
): RgbaImage {
  const pixels = new Uint8Array(size * size * 4);
  for (let py = 0; py < size; py++)
    for (let px = 0; px < size; px++) {
      let [r, g, b] = background ?? WHITE;
      let alpha = background ? 1 : 0;
      for (const { shape, colour } of layers) {
        const cover = coverage(shape, px, py, size);
        r += (colour[0] - r) * cover;
        g += (colour[1] - g) * cover;
        b += (colour[2] - b) * cover;
        alpha += (1 - alpha) * cover;
      }
      pixels.set(
        [Math.round(r), Math.round(g), Math.round(b), Math.round(alpha * 255)],
        (py * size + px) * 4,
      );
    }
  return { width: size, height: size, pixels };
}

const TICK = [
  [0.36, 0.45],
  [0.46, 0.55],
  [0.65, 0.35],
] as const;

/** 192×192: a white bubble with an accent-coloured tick on the accent colour. */
export function drawColorIcon(): RgbaImage {
  const bubble = union(
    roundedRect(0.2, 0.2, 0.8, 0.66, 0.1),
    triangle([
      [0.3, 0.6],
      [0.46, 0.6],
      [0.28, 0.8],
    ]),
  );
  return paint(192, ACCENT, [
    { shape: bubble, colour: WHITE },
    { shape: stroke(TICK, 0.07), colour: ACCENT },
  ]);
}

/** 32×32: the bubble's outline and the tick, white on transparent. */
export function drawOutlineIcon(): RgbaImage {
  const line = 2.2 / 32;
  // The tail starts inside the bubble so that the outline opens into it.
  const tail = [
    [0.22, 0.5],
    [0.5, 0.5],
    [0.18, 0.96],
  ] as const;
  const outer = union(roundedRect(0.04, 0.06, 0.96, 0.74, 0.16), triangle(tail));
  const inner = union(roundedRect(0.04, 0.06, 0.96, 0.74, 0.16, line), triangle(tail, line));
  const tick = [
    [0.3, 0.4],
    [0.45, 0.54],
    [0.7, 0.27],
  ] as const;
  return paint(32, null, [{ shape: union(minus(outer, inner), stroke(tick, 2.6 / 32)), colour: WHITE }]);
}

/** The icon files next to the manifest, and what each must show. */
export const ICONS = {
  'color.png': { size: 192, draw: drawColorIcon },
  'outline.png': { size: 32, draw: drawOutlineIcon },
} as const;

function main(): void {
  for (const [file, { draw }] of Object.entries(ICONS)) {
    const path = fileURLToPath(new URL(`./${file}`, import.meta.url));
    writeFileSync(path, encodePng(draw()));
    console.log(`wrote ${path}`);
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) main();
