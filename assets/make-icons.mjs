// Draws the add-in's ribbon icons (16, 32, 80 px) as PNG with Node built-ins only:
// a blue rounded badge with a white balance scale (法治 = the scales of justice).
// Run: node assets/make-icons.mjs — the PNGs are committed, so the build does not need this.
import { deflateSync } from "node:zlib";
import { writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { dirname, join } from "node:path";

const BLUE = [0x1f, 0x5f, 0xa8];
const WHITE = [0xff, 0xff, 0xff];

/** CRC-32 as PNG chunks require. */
function crc32(bytes) {
  let crc = 0xffffffff;
  for (const byte of bytes) {
    crc ^= byte;
    for (let k = 0; k < 8; k += 1) crc = crc & 1 ? (crc >>> 1) ^ 0xedb88320 : crc >>> 1;
  }
  return (crc ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, "ascii"), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

function encodePng(size, rgba) {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header[8] = 8; // bit depth
  header[9] = 6; // RGBA
  const raw = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y += 1) {
    raw[y * (size * 4 + 1)] = 0; // filter: none
    rgba.copy(raw, y * (size * 4 + 1) + 1, y * size * 4, (y + 1) * size * 4);
  }
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return Buffer.concat([signature, chunk("IHDR", header), chunk("IDAT", deflateSync(raw)), chunk("IEND", Buffer.alloc(0))]);
}

/** Inside the rounded badge (unit square, corner radius 0.18). */
function inBadge(x, y) {
  const r = 0.18;
  const cx = Math.min(Math.max(x, r), 1 - r);
  const cy = Math.min(Math.max(y, r), 1 - r);
  return (x - cx) ** 2 + (y - cy) ** 2 <= r * r && x >= 0 && x <= 1 && y >= 0 && y <= 1;
}

/** The white scale: post, beam, two hanging pans (half discs) and a base. */
function inScale(x, y) {
  const post = Math.abs(x - 0.5) <= 0.045 && y >= 0.2 && y <= 0.78;
  const beam = Math.abs(y - 0.27) <= 0.04 && x >= 0.18 && x <= 0.82;
  const base = Math.abs(y - 0.8) <= 0.045 && x >= 0.3 && x <= 0.7;
  const pan = (px) => y >= 0.5 && (x - px) ** 2 + (y - 0.5) ** 2 <= 0.15 ** 2 && y <= 0.64;
  const cord = (px) => Math.abs(Math.abs(x - px) - (y - 0.27) * 0.45) <= 0.025 && y >= 0.27 && y <= 0.5;
  return post || beam || base || pan(0.24) || pan(0.76) || cord(0.24) || cord(0.76);
}

/** Renders with 4×4 supersampling so the small sizes stay smooth. */
function render(size) {
  const rgba = Buffer.alloc(size * size * 4);
  const samples = 4;
  for (let py = 0; py < size; py += 1) {
    for (let px = 0; px < size; px += 1) {
      let badge = 0;
      let glyph = 0;
      for (let sy = 0; sy < samples; sy += 1) {
        for (let sx = 0; sx < samples; sx += 1) {
          const x = (px + (sx + 0.5) / samples) / size;
          const y = (py + (sy + 0.5) / samples) / size;
          if (inBadge(x, y)) {
            badge += 1;
            if (inScale(x, y)) glyph += 1;
          }
        }
      }
      const n = samples * samples;
      const share = badge === 0 ? 0 : glyph / badge;
      const offset = (py * size + px) * 4;
      for (let c = 0; c < 3; c += 1) rgba[offset + c] = Math.round(BLUE[c] * (1 - share) + WHITE[c] * share);
      rgba[offset + 3] = Math.round((255 * badge) / n);
    }
  }
  return encodePng(size, rgba);
}

const here = dirname(fileURLToPath(import.meta.url));
for (const size of [16, 32, 80]) {
  writeFileSync(join(here, `icon-${size}.png`), render(size));
}
