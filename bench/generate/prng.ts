/**
 * A small seeded PRNG (mulberry32) and the draws the generators need. The same seed gives the
 * same sequence on every machine, so generated data is the same every time.
 */
export interface Rng {
  /** A float in [0, 1). */
  next(): number;
  /** An integer in [min, max], both included. */
  int(min: number, max: number): number;
  pick<T>(items: readonly T[]): T;
  /** k distinct items (k is capped at the list's length), in draw order. */
  sample<T>(items: readonly T[], k: number): T[];
  chance(p: number): boolean;
  /** A child generator whose sequence depends only on this seed and the label. */
  fork(label: string): Rng;
  /** A UUIDv7-shaped id from the sequence (the time part is fixed, so ids sort by draw). */
  id(): string;
}

function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function hashLabel(seed: number, label: string): number {
  let h = (seed ^ 0x9e3779b9) >>> 0;
  for (let i = 0; i < label.length; i++) h = Math.imul(h ^ label.charCodeAt(i), 0x01000193) >>> 0;
  return h;
}

/** 2025-01-01T00:00:00Z in milliseconds: the time part of every generated id. */
const ID_EPOCH_MS = 1_735_689_600_000;

export function createRng(seed: number): Rng {
  const next = mulberry32(seed);
  let counter = 0;
  const hex = (n: number, width: number) => n.toString(16).padStart(width, '0');
  const rng: Rng = {
    next,
    int: (min, max) => min + Math.floor(next() * (max - min + 1)),
    pick: (items) => items[Math.floor(next() * items.length)]!,
    sample(items, k) {
      const pool = [...items];
      const out: (typeof items)[number][] = [];
      while (out.length < k && pool.length) out.push(pool.splice(Math.floor(next() * pool.length), 1)[0]!);
      return out;
    },
    chance: (p) => next() < p,
    fork: (label) => createRng(hashLabel(seed, label)),
    id() {
      // 48-bit time (fixed epoch plus a counter, so ids made later sort later), version 7,
      // the variant bits, and 74 bits from the sequence.
      const ms = ID_EPOCH_MS + counter++;
      const t = hex(ms, 12);
      const r = () => hex(Math.floor(next() * 0x10000), 4);
      const variant = hex(0x8000 | Math.floor(next() * 0x4000), 4);
      return `${t.slice(0, 8)}-${t.slice(8, 12)}-7${r().slice(1)}-${variant}-${r()}${r()}${r()}`;
    },
  };
  return rng;
}
