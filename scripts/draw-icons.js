#!/usr/bin/env node
/*
 * Draws the add-in icons into assets/: icon-16/32/64/80/128.png.
 *
 *   node scripts/draw-icons.js                 regenerate assets/icon-*.png
 *   node scripts/draw-icons.js --out DIR       write them to DIR instead
 *   node scripts/draw-icons.js --preview DIR   also write 8x nearest-neighbour enlargements
 *                                              (preview-16.png …) for checking pixels by eye
 *
 * The picture: a rounded square in calm blue, a light 3x3 spreadsheet grid, and a bold
 * green check mark with a white rim across the lower right. It is laid out on a 16-unit
 * design grid, so every size here (16, 32, 64, 80, 128 = 16·k) keeps the cell edges on
 * whole pixels; curves and the check are anti-aliased by supersampling.
 *
 * No dependencies: Node's zlib plus a minimal PNG writer (signature, IHDR, IDAT, IEND,
 * CRC-32), 8-bit RGBA, no interlacing. Output is deterministic.
 */
"use strict";

const fs = require("fs");
const path = require("path");
const zlib = require("zlib");

const SIZES = [16, 32, 64, 80, 128];
const SUPERSAMPLE = 8; // samples per axis per pixel (64 per pixel)

// ---------------------------------------------------------------- colours

const BLUE = [0x1f, 0x6f, 0xb2];
const CELL = [0xe6, 0xf0, 0xf9];
const WHITE = [0xff, 0xff, 0xff];
const GREEN = [0x1e, 0x9e, 0x4a];

// ---------------------------------------------------------------- geometry (16-unit design space)

const BG = { x0: 0, y0: 0, x1: 16, y1: 16, r: 3 };
// 3x3 cells, 3 units wide, 1-unit gaps, nudged to the upper left; the check covers the lower right.
const CELL_SIZE = 3;
const CELL_GAP = 1;
const GRID_ORIGIN = 2;
// Check mark polyline (short leg down-right, long leg up-right) and its stroke widths.
const CHECK = [
  [5.8, 9.6],
  [8.5, 12.3],
  [13.7, 6.0],
];
const CHECK_WIDTH = 2.4;
const RIM_WIDTH = 0.9; // white rim added on each side of the green stroke

function insideRoundedRect(x, y, rr) {
  if (x < rr.x0 || x > rr.x1 || y < rr.y0 || y > rr.y1) return false;
  const cx = Math.min(Math.max(x, rr.x0 + rr.r), rr.x1 - rr.r);
  const cy = Math.min(Math.max(y, rr.y0 + rr.r), rr.y1 - rr.r);
  const dx = x - cx;
  const dy = y - cy;
  return dx * dx + dy * dy <= rr.r * rr.r;
}

function insideCell(x, y) {
  const step = CELL_SIZE + CELL_GAP;
  const gx = x - GRID_ORIGIN;
  const gy = y - GRID_ORIGIN;
  if (gx < 0 || gy < 0 || gx >= 3 * step - CELL_GAP || gy >= 3 * step - CELL_GAP) return false;
  const inCellX = gx % step < CELL_SIZE;
  const inCellY = gy % step < CELL_SIZE;
  if (!(inCellX && inCellY)) return false;
  // slightly rounded cell corners (0.35 units) so the larger sizes look less blocky
  const cx0 = GRID_ORIGIN + Math.floor(gx / step) * step;
  const cy0 = GRID_ORIGIN + Math.floor(gy / step) * step;
  return insideRoundedRect(x, y, { x0: cx0, y0: cy0, x1: cx0 + CELL_SIZE, y1: cy0 + CELL_SIZE, r: 0.35 });
}

function distToSegment(px, py, ax, ay, bx, by) {
  const vx = bx - ax;
  const vy = by - ay;
  const t = Math.max(0, Math.min(1, ((px - ax) * vx + (py - ay) * vy) / (vx * vx + vy * vy)));
  const dx = px - (ax + t * vx);
  const dy = py - (ay + t * vy);
  return Math.sqrt(dx * dx + dy * dy);
}

function distToPolyline(x, y, pts) {
  let d = Infinity;
  for (let i = 0; i + 1 < pts.length; i++) {
    d = Math.min(d, distToSegment(x, y, pts[i][0], pts[i][1], pts[i + 1][0], pts[i + 1][1]));
  }
  return d;
}

/** Colour of the picture at one point of design space, or null where it is transparent. */
function sample(x, y) {
  if (!insideRoundedRect(x, y, BG)) return null;
  const d = distToPolyline(x, y, CHECK);
  if (d <= CHECK_WIDTH / 2) return GREEN;
  if (d <= CHECK_WIDTH / 2 + RIM_WIDTH) return WHITE;
  if (insideCell(x, y)) return CELL;
  return BLUE;
}

/** Renders one size to straight (non-premultiplied) RGBA bytes. */
function render(size) {
  const rgba = Buffer.alloc(size * size * 4);
  const scale = 16 / size;
  const n = SUPERSAMPLE * SUPERSAMPLE;
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let r = 0;
      let g = 0;
      let b = 0;
      let covered = 0;
      for (let sy = 0; sy < SUPERSAMPLE; sy++) {
        for (let sx = 0; sx < SUPERSAMPLE; sx++) {
          const x = (px + (sx + 0.5) / SUPERSAMPLE) * scale;
          const y = (py + (sy + 0.5) / SUPERSAMPLE) * scale;
          const c = sample(x, y);
          if (c) {
            r += c[0];
            g += c[1];
            b += c[2];
            covered++;
          }
        }
      }
      const o = (py * size + px) * 4;
      if (covered > 0) {
        rgba[o] = Math.round(r / covered);
        rgba[o + 1] = Math.round(g / covered);
        rgba[o + 2] = Math.round(b / covered);
        rgba[o + 3] = Math.round((255 * covered) / n);
      }
    }
  }
  return rgba;
}

// ---------------------------------------------------------------- PNG writer

const CRC_TABLE = (() => {
  const t = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c >>> 0;
  }
  return t;
})();

function crc32(buf) {
  let c = 0xffffffff;
  for (let i = 0; i < buf.length; i++) c = CRC_TABLE[(c ^ buf[i]) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const typeAndData = Buffer.concat([Buffer.from(type, "ascii"), data]);
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(typeAndData));
  return Buffer.concat([len, typeAndData, crc]);
}

function encodePng(width, height, rgba) {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 6; // colour type: truecolour with alpha
  ihdr[10] = 0; // compression: deflate
  ihdr[11] = 0; // filter method 0
  ihdr[12] = 0; // no interlace
  const stride = width * 4;
  const raw = Buffer.alloc((stride + 1) * height);
  for (let y = 0; y < height; y++) {
    raw[y * (stride + 1)] = 0; // filter type None
    rgba.copy(raw, y * (stride + 1) + 1, y * stride, (y + 1) * stride);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", ihdr),
    chunk("IDAT", zlib.deflateSync(raw, { level: 9 })),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

/** Nearest-neighbour enlargement, drawn over a light checkerboard so transparency shows. */
function enlarge(size, rgba, factor) {
  const big = size * factor;
  const out = Buffer.alloc(big * big * 4);
  for (let y = 0; y < big; y++) {
    for (let x = 0; x < big; x++) {
      const s = (Math.floor(y / factor) * size + Math.floor(x / factor)) * 4;
      const a = rgba[s + 3] / 255;
      const checker = (Math.floor(x / 8) + Math.floor(y / 8)) % 2 ? 235 : 205;
      const o = (y * big + x) * 4;
      for (let k = 0; k < 3; k++) out[o + k] = Math.round(rgba[s + k] * a + checker * (1 - a));
      out[o + 3] = 255;
    }
  }
  return { big, out };
}

// ---------------------------------------------------------------- main

function main(argv) {
  let outDir = path.join(__dirname, "..", "assets");
  let previewDir = null;
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === "--out") outDir = argv[++i];
    else if (argv[i] === "--preview") previewDir = argv[++i];
    else {
      console.error(`usage: node scripts/draw-icons.js [--out DIR] [--preview DIR]`);
      process.exit(2);
    }
  }
  fs.mkdirSync(outDir, { recursive: true });
  if (previewDir) fs.mkdirSync(previewDir, { recursive: true });
  for (const size of SIZES) {
    const rgba = render(size);
    const file = path.join(outDir, `icon-${size}.png`);
    fs.writeFileSync(file, encodePng(size, size, rgba));
    console.log(`wrote ${path.relative(process.cwd(), file) || file} (${size}x${size})`);
    if (previewDir) {
      const factor = Math.max(1, Math.round(256 / size));
      const { big, out } = enlarge(size, rgba, factor);
      fs.writeFileSync(path.join(previewDir, `preview-${size}.png`), encodePng(big, big, out));
    }
  }
}

if (require.main === module) main(process.argv.slice(2));

module.exports = { render, encodePng, crc32, SIZES };
