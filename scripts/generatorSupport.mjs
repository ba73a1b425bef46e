// What the deterministic bench generators share: their command line and a seeded random source.

/** OUT and SIZE_MB from the command line, or the usage line and exit 2. */
export function generatorArguments(script) {
  const [out, sizeArg] = process.argv.slice(2);
  if (!out || !(Number(sizeArg) > 0)) {
    console.error(`usage: node scripts/${script} OUT SIZE_MB`);
    process.exit(2);
  }
  return { out, targetBytes: Number(sizeArg) * 1024 * 1024 };
}

/** mulberry32 from `seed`: small, fast and the same on every platform, so every run writes the same bytes. */
export function seededRandom(seed, hexDigits = '0123456789abcdef') {
  let state = seed;
  const random = () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    random,
    pick: (list) => list[Math.floor(random() * list.length)],
    between: (low, high) => low + Math.floor(random() * (high - low + 1)),
    hex: (digits) => Array.from({ length: digits }, () => hexDigits[Math.floor(random() * 16)]).join(''),
  };
}
