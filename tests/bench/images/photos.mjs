// The photos of tests/bench/images.sh: N JPEGs the size of a camera's (12 to 24 megapixels), with
// content that compresses like a photograph: smooth gradients, soft and sharp shapes, a coarse
// texture and grain. Pure noise would compress like nothing real (and make every encoder look
// slow), flat colour like a diagram. Deterministic: photo i is the same on every machine and run.
//
//   node photos.mjs DIR [N] [JOBS]     writes DIR/photo-0001.jpg … and DIR/tags.args for exiftool
//
// The pixels are computed here in JavaScript (one pass per layer, a few hundred milliseconds at
// 24 MP), sharp only encodes them (JPEG quality 90): sharp's own gradients, noise and composites
// took 13 s a photo on this machine. JOBS (at most 2) photos are made at a time, in worker
// threads, each encoding with one libvips thread, so the generation keeps JOBS cores busy.
// The EXIF tags (camera, serial number, GPS, Orientation 6 on every tenth photo) are written
// afterwards by exiftool from tags.args (images.sh runs it): sharp writes the pixels only.
import fs from "node:fs";
import path from "node:path";
import { createRequire } from "node:module";
import { Worker, isMainThread, parentPort, workerData } from "node:worker_threads";
import { fileURLToPath } from "node:url";

// Sizes of real cameras (width × height as stored). Portrait ones are stored portrait; the
// Orientation 6 ones are stored landscape and shown portrait, as a camera held upright writes them.
const sizes = [
  [4000, 3000], // 12 MP, 4:3 (phones, Micro Four Thirds)
  [4608, 3456], // 16 MP, 4:3
  [4896, 3264], // 16 MP, 3:2
  [5472, 3648], // 20 MP, 3:2
  [6000, 4000], // 24 MP, 3:2
  [3000, 4000], // portrait
  [3264, 4896],
  [4000, 6000],
];
const cameras = [
  ["Canon", "Canon EOS 80D"],
  ["NIKON CORPORATION", "NIKON D7500"],
  ["SONY", "ILCE-6400"],
  ["FUJIFILM", "X-T30"],
  ["OLYMPUS CORPORATION", "E-M10MarkIII"],
  ["Apple", "iPhone 12"],
];

// mulberry32: a small seeded generator, so that photo i is always the same photo.
function random(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function plan(i) {
  const rotated = i % 10 === 3; // 10 %: Orientation 6
  const [w, h] = rotated ? sizes[i % 5] : sizes[i % sizes.length];
  const [make, model] = cameras[i % cameras.length];
  return { i, w, h, rotated, make, model };
}

const name = (dir, i) => path.join(dir, `photo-${String(i).padStart(4, "0")}.jpg`);

function pixels(p) {
  const r = random(p.i * 7919 + 17);
  const { w, h } = p;
  const out = Buffer.alloc(w * h * 3);
  // The light and colour of a scene: a coarse grid of colours, interpolated.
  const gw = 4 + Math.floor(r() * 5);
  const gh = 3 + Math.floor(r() * 4);
  const base = [r() * 255, r() * 255, r() * 255];
  const colours = new Float32Array(gw * gh * 3);
  for (let k = 0; k < gw * gh; k++) for (let c = 0; c < 3; c++) colours[k * 3 + c] = Math.max(0, Math.min(255, base[c] + (r() - 0.5) * 180));
  // Texture of surfaces: a grid of brightness every `cell` pixels, interpolated.
  const cell = 6;
  const tw = Math.ceil(w / cell) + 2;
  const th = Math.ceil(h / cell) + 2;
  const texture = new Float32Array(tw * th);
  for (let k = 0; k < texture.length; k++) texture[k] = (r() - 0.5) * 36;
  let seed = (p.i * 2654435761) >>> 0 || 1;
  const gx = (gw - 1) / (w - 1);
  const gy = (gh - 1) / (h - 1);
  for (let y = 0; y < h; y++) {
    const fy = y * gy;
    const y0 = Math.min(gh - 2, Math.floor(fy));
    const ay = fy - y0;
    const ty = y / cell;
    const t0 = Math.floor(ty);
    const by = ty - t0;
    for (let x = 0; x < w; x++) {
      const fx = x * gx;
      const x0 = Math.min(gw - 2, Math.floor(fx));
      const ax = fx - x0;
      const tx = x / cell;
      const s0 = Math.floor(tx);
      const bx = tx - s0;
      const ti = t0 * tw + s0;
      const tex = (texture[ti] * (1 - bx) + texture[ti + 1] * bx) * (1 - by) + (texture[ti + tw] * (1 - bx) + texture[ti + tw + 1] * bx) * by;
      const k00 = (y0 * gw + x0) * 3;
      const k10 = k00 + 3;
      const k01 = k00 + gw * 3;
      const k11 = k01 + 3;
      const o = (y * w + x) * 3;
      for (let c = 0; c < 3; c++) {
        const v = (colours[k00 + c] * (1 - ax) + colours[k10 + c] * ax) * (1 - ay) + (colours[k01 + c] * (1 - ax) + colours[k11 + c] * ax) * ay;
        // Grain: xorshift, two draws summed (a triangle, about ±22).
        seed ^= seed << 13; seed ^= seed >>> 17; seed ^= seed << 5;
        const g = ((seed & 15) + ((seed >>> 8) & 15)) - 15;
        const value = v + tex + g * 1.5;
        out[o + c] = value < 0 ? 0 : value > 255 ? 255 : value;
      }
    }
  }
  // Shapes over it: ellipses and rectangles, some with soft edges (out of focus), some sharp.
  const count = 14 + Math.floor(r() * 14);
  for (let k = 0; k < count; k++) {
    const colour = [r() * 255, r() * 255, r() * 255];
    const opacity = 0.3 + r() * 0.6;
    const soft = r() < 0.5;
    const cx = r() * w;
    const cy = r() * h;
    const rx = (0.02 + r() * 0.2) * Math.min(w, h);
    const ry = rx * (0.4 + r());
    const ellipse = r() < 0.6;
    const xa = Math.max(0, Math.floor(cx - rx));
    const xb = Math.min(w, Math.ceil(cx + rx));
    const ya = Math.max(0, Math.floor(cy - ry));
    const yb = Math.min(h, Math.ceil(cy + ry));
    for (let y = ya; y < yb; y++) {
      const dy = (y - cy) / ry;
      for (let x = xa; x < xb; x++) {
        const dx = (x - cx) / rx;
        // d: 0 at the centre, 1 at the edge.
        const d = ellipse ? dx * dx + dy * dy : Math.max(Math.abs(dx), Math.abs(dy));
        if (d >= 1) continue;
        const a = soft ? opacity * Math.min(1, (1 - d) * 3) : opacity;
        const o = (y * w + x) * 3;
        for (let c = 0; c < 3; c++) out[o + c] = out[o + c] * (1 - a) + colour[c] * a;
      }
    }
  }
  return out;
}

// Tags per photo, in the argument file exiftool reads with -@ (one -execute per photo, one process).
function tags(dir, p) {
  const r = random(p.i * 104729 + 3);
  const latitude = 40.3 + r() * 0.3; // around Baku
  const longitude = 49.7 + r() * 0.4;
  const day = String(1 + (p.i % 28)).padStart(2, "0");
  return [
    `-Make=${p.make}`,
    `-Model=${p.model}`,
    `-SerialNumber=${100000000 + p.i * 7777}`,
    `-DateTimeOriginal=2024:01:${day} 12:${String(p.i % 60).padStart(2, "0")}:00`,
    `-GPSLatitude=${latitude.toFixed(6)}`,
    "-GPSLatitudeRef=N",
    `-GPSLongitude=${longitude.toFixed(6)}`,
    "-GPSLongitudeRef=E",
    ...(p.rotated ? ["-Orientation#=6"] : []),
    // Only photos not tagged yet: a second run of images.sh reads the tags and writes nothing.
    "-if",
    "not $GPSLatitude",
    "-overwrite_original",
    name(dir, p.i),
    "-execute",
  ].join("\n");
}

if (isMainThread) {
  const [dir, nText = "500", jobsText = "2"] = process.argv.slice(2);
  const n = Number(nText);
  const jobs = Math.max(1, Math.min(2, Number(jobsText)));
  fs.mkdirSync(dir, { recursive: true });
  const todo = [];
  for (let i = 1; i <= n; i++) todo.push(plan(i));
  fs.writeFileSync(path.join(dir, "tags.args"), todo.map((p) => tags(dir, p)).join("\n") + "\n");
  const missing = todo.filter((p) => !fs.existsSync(name(dir, p.i)));
  let next = 0;
  let done = n - missing.length;
  const started = Date.now();
  await Promise.all(
    Array.from({ length: Math.min(jobs, missing.length) }, () => new Promise((resolve, reject) => {
      const worker = new Worker(fileURLToPath(import.meta.url), { workerData: { dir, cwd: process.cwd() } });
      const give = () => (next < missing.length ? worker.postMessage(missing[next++]) : worker.postMessage(null));
      worker.on("message", () => {
        done++;
        if (done % 50 === 0 || done === n) console.log(`photos: ${done} of ${n} (${((Date.now() - started) / 1000).toFixed(0)} s)`);
        give();
      });
      worker.on("error", reject);
      worker.on("exit", (code) => (code === 0 ? resolve() : reject(new Error(`worker exited with ${code}`))));
      give();
    })),
  );
} else {
  const require = createRequire(path.join(workerData.cwd, "package.json"));
  const sharp = require("sharp");
  sharp.concurrency(1);
  sharp.cache(false);
  parentPort.on("message", async (p) => {
    if (p === null) return process.exit(0);
    const file = name(workerData.dir, p.i);
    await sharp(pixels(p), { raw: { width: p.w, height: p.h, channels: 3 } }).jpeg({ quality: 90 }).toFile(file + ".part");
    fs.renameSync(file + ".part", file);
    parentPort.postMessage(p.i);
  });
}
