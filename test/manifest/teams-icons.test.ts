/** The Teams icons: the committed PNGs show what `manifest/teams/icons.ts` draws and follow Teams' rules. */
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ACCENT, drawColorIcon, drawOutlineIcon } from '../../manifest/teams/icons.js';
import { crc32, decodePng, encodePng, type PngFilter, type RgbaImage } from '../../manifest/teams/png.js';

const committed = (file: string) =>
  decodePng(readFileSync(new URL(`../../manifest/teams/${file}`, import.meta.url)));

function pixelsOf(image: RgbaImage): [number, number, number, number][] {
  const out: [number, number, number, number][] = [];
  const p = image.pixels;
  for (let i = 0; i < p.length; i += 4)
    out.push([p[i] ?? -1, p[i + 1] ?? -1, p[i + 2] ?? -1, p[i + 3] ?? -1]);
  return out;
}

describe('Teams icons', () => {
  it('color.png is 192×192, opaque, accent colour and white, and is what icons.ts draws', () => {
    const icon = committed('color.png');
    expect([icon.width, icon.height]).toEqual([192, 192]);
    const pixels = pixelsOf(icon);
    expect(pixels.every(([, , , a]) => a === 255)).toBe(true);
    expect(pixels[0]).toEqual([...ACCENT, 255]);
    expect(pixels.some(([r, g, b]) => r === 255 && g === 255 && b === 255)).toBe(true);
    expect(Buffer.from(icon.pixels).equals(Buffer.from(drawColorIcon().pixels)), 'run icons.ts').toBe(true);
  });

  it('outline.png is 32×32, only white on transparent, not empty, and is what icons.ts draws', () => {
    const icon = committed('outline.png');
    expect([icon.width, icon.height]).toEqual([32, 32]);
    const pixels = pixelsOf(icon);
    const offWhite = pixels.filter(([r, g, b, a]) => a !== 0 && (r !== 255 || g !== 255 || b !== 255));
    expect(offWhite).toEqual([]);
    expect(pixels.filter(([, , , a]) => a === 255).length).toBeGreaterThan(100);
    expect(pixels.filter(([, , , a]) => a === 0).length).toBeGreaterThan(300);
    expect(Buffer.from(icon.pixels).equals(Buffer.from(drawOutlineIcon().pixels)), 'run icons.ts').toBe(true);
  });
});

describe('PNG writer and reader', () => {
  const image = fc
    .record({ width: fc.integer({ min: 1, max: 9 }), height: fc.integer({ min: 1, max: 9 }) })
    .chain(({ width, height }) =>
      fc
        .uint8Array({ minLength: width * height * 4, maxLength: width * height * 4 })
        .map((pixels) => ({ width, height, pixels })),
    );

  it('round-trips any RGBA image with every row filter', () => {
    fc.assert(
      fc.property(image, fc.constantFrom<PngFilter>(0, 1, 2, 3, 4), (img, filter) => {
        const back = decodePng(encodePng(img, filter));
        expect([back.width, back.height]).toEqual([img.width, img.height]);
        expect(Buffer.from(back.pixels).equals(Buffer.from(img.pixels))).toBe(true);
      }),
      { numRuns: 200 },
    );
  });

  it('refuses a non-PNG, a corrupt chunk and a colour type other than RGBA', () => {
    expect(() => decodePng(Buffer.from('GIF89a........'))).toThrow(/Not a PNG/);
    const png = encodePng({ width: 1, height: 1, pixels: new Uint8Array([1, 2, 3, 4]) });
    const corrupt = Buffer.from(png);
    corrupt[42] = (corrupt[42] ?? 0) ^ 0xff; // compressed data of IDAT
    expect(() => decodePng(corrupt)).toThrow(/CRC/);
    const rgb = Buffer.from(png);
    rgb[25] = 2; // IHDR colour type: truecolour without alpha
    rgb.writeUInt32BE(crc32(rgb.subarray(12, 29)), 29);
    expect(() => decodePng(rgb)).toThrow(/colour type 2/);
  });
});
