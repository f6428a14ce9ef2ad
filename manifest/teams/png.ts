/**
 * A minimal PNG writer and reader for 8-bit RGBA images (pure Node: zlib + CRC-32), enough to generate the Teams
 * icons without a dependency and to check icon files before packaging.
 *
 * Contract: `decodePng(encodePng(image))` returns the same pixels for every filter; `decodePng` accepts only
 * non-interlaced 8-bit RGBA (colour type 6) with intact chunks (CRC) and throws a sentence naming what it found
 * otherwise.
 */
import { deflateSync, inflateSync } from 'node:zlib';

export interface RgbaImage {
  width: number;
  height: number;
  /** Row-major RGBA, 4 bytes per pixel, `width * height * 4` bytes. */
  pixels: Uint8Array;
}

/** PNG row filters (0 None, 1 Sub, 2 Up, 3 Average, 4 Paeth). */
export type PngFilter = 0 | 1 | 2 | 3 | 4;

const SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const BYTES_PER_PIXEL = 4;

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

export function crc32(bytes: Uint8Array): number {
  let crc = 0xffffffff;
  for (const byte of bytes) crc = (CRC_TABLE[(crc ^ byte) & 0xff] ?? 0) ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Uint8Array): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'latin1');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0);
  return Buffer.concat([head, data, crc]);
}

function paeth(a: number, b: number, c: number): number {
  const p = a + b - c;
  const pa = Math.abs(p - a);
  const pb = Math.abs(p - b);
  const pc = Math.abs(p - c);
  return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
}

/** The predictor of byte `i` of a row from its left (a), upper (b) and upper-left (c) neighbours. */
function predict(filter: PngFilter, row: Uint8Array, prior: Uint8Array, i: number): number {
  const a = i >= BYTES_PER_PIXEL ? (row[i - BYTES_PER_PIXEL] ?? 0) : 0;
  const b = prior[i] ?? 0;
  const c = i >= BYTES_PER_PIXEL ? (prior[i - BYTES_PER_PIXEL] ?? 0) : 0;
  if (filter === 1) return a;
  if (filter === 2) return b;
  if (filter === 3) return (a + b) >> 1;
  if (filter === 4) return paeth(a, b, c);
  return 0;
}

export function encodePng(image: RgbaImage, filter: PngFilter = 0): Buffer {
  const { width, height, pixels } = image;
  const stride = width * BYTES_PER_PIXEL;
  if (pixels.length !== stride * height)
    throw new Error(`Expected ${stride * height} bytes, got ${pixels.length}`);
  const raw = Buffer.alloc((stride + 1) * height);
  let prior: Uint8Array = new Uint8Array(stride);
  for (let y = 0; y < height; y++) {
    const row = pixels.subarray(y * stride, (y + 1) * stride);
    const out = y * (stride + 1);
    raw[out] = filter;
    for (let i = 0; i < stride; i++)
      raw[out + 1 + i] = ((row[i] ?? 0) - predict(filter, row, prior, i)) & 0xff;
    prior = row;
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 6, 0, 0, 0], 8); // 8 bits, RGBA, deflate, adaptive filtering, no interlace
  return Buffer.concat([
    SIGNATURE,
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(raw, { level: 9 })),
    chunk('IEND', new Uint8Array(0)),
  ]);
}

export function decodePng(file: Uint8Array): RgbaImage {
  const bytes = Buffer.from(file);
  if (!bytes.subarray(0, 8).equals(SIGNATURE)) throw new Error('Not a PNG file (bad signature)');
  let width = 0;
  let height = 0;
  const idat: Buffer[] = [];
  for (let at = 8; at + 8 <= bytes.length; ) {
    const length = bytes.readUInt32BE(at);
    const type = bytes.toString('latin1', at + 4, at + 8);
    const data = bytes.subarray(at + 8, at + 8 + length);
    if (at + 12 + length > bytes.length) throw new Error(`PNG chunk ${type} is cut off`);
    if (crc32(bytes.subarray(at + 4, at + 8 + length)) !== bytes.readUInt32BE(at + 8 + length))
      throw new Error(`PNG chunk ${type} is corrupt (CRC mismatch)`);
    if (type === 'IHDR') {
      width = data.readUInt32BE(0);
      height = data.readUInt32BE(4);
      const [depth, colour, , , interlace] = data.subarray(8, 13);
      if (depth !== 8 || colour !== 6 || interlace !== 0)
        throw new Error(
          `Only 8-bit RGBA non-interlaced PNGs are read (bit depth ${depth}, colour type ${colour})`,
        );
    } else if (type === 'IDAT') idat.push(data);
    at += 12 + length;
  }
  if (width === 0 || height === 0 || idat.length === 0) throw new Error('PNG without a header or image data');
  const raw = inflateSync(Buffer.concat(idat));
  const stride = width * BYTES_PER_PIXEL;
  const pixels = new Uint8Array(stride * height);
  let prior: Uint8Array = new Uint8Array(stride);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)] as PngFilter;
    if (filter > 4) throw new Error(`Unknown PNG filter ${filter} on row ${y}`);
    const row = pixels.subarray(y * stride, (y + 1) * stride);
    for (let i = 0; i < stride; i++)
      row[i] = ((raw[y * (stride + 1) + 1 + i] ?? 0) + predict(filter, row, prior, i)) & 0xff;
    prior = row;
  }
  return { width, height, pixels };
}
