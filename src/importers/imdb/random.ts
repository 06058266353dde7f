// A small seeded generator for the synthetic IMDb files: the same seed gives the same bytes everywhere.
// sfc32 (Chris Doty-Humphrey's Small Fast Chaotic generator, 128-bit state) seeded through splitmix32;
// Math.random cannot be seeded, and a 32-bit state would repeat within a 12-million-title run.

export class Random {
  private a: number
  private b: number
  private c: number
  private d: number

  constructor(seed: number) {
    let s = seed >>> 0
    const splitmix32 = () => {
      s = (s + 0x9e3779b9) >>> 0
      let z = s
      z = Math.imul(z ^ (z >>> 16), 0x85ebca6b)
      z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35)
      return (z ^ (z >>> 16)) >>> 0
    }
    this.a = splitmix32()
    this.b = splitmix32()
    this.c = splitmix32()
    this.d = splitmix32()
    // The first outputs of a fresh state are less mixed.
    for (let i = 0; i < 12; i++) this.next()
  }

  /** A number in [0, 1). */
  next(): number {
    const t = (((this.a + this.b) | 0) + this.d) | 0
    this.d = (this.d + 1) | 0
    this.a = this.b ^ (this.b >>> 9)
    this.b = (this.c + (this.c << 3)) | 0
    this.c = (this.c << 21) | (this.c >>> 11)
    this.c = (this.c + t) | 0
    return (t >>> 0) / 4294967296
  }

  /** A whole number from min to max, both included. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1))
  }

  chance(p: number): boolean {
    return this.next() < p
  }

  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)]!
  }

  /** An index below length skewed towards 0: a few items are picked very often, most rarely. */
  skewed(length: number, power: number): number {
    return Math.floor(length * Math.pow(this.next(), power))
  }

  /** A heavy-tailed whole number ≥ min (Pareto): most are small, a few are huge. */
  pareto(min: number, alpha: number): number {
    return Math.floor(min / Math.pow(1 - this.next(), 1 / alpha))
  }

  /** A normally distributed number (Box–Muller). */
  normal(mean: number, deviation: number): number {
    const u = 1 - this.next()
    return mean + deviation * Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * this.next())
  }
}

/** Picks among items by weight in O(log n): build once, sample many times. */
export class WeightedPick<T> {
  private readonly items: readonly T[]
  private readonly cumulative: Float64Array

  constructor(entries: ReadonlyArray<readonly [T, number]>) {
    this.items = entries.map(([item]) => item)
    this.cumulative = new Float64Array(entries.length)
    const total = entries.reduce((sum, [, weight]) => sum + weight, 0)
    let sum = 0
    entries.forEach(([, weight], i) => (this.cumulative[i] = (sum += weight) / total))
  }

  sample(random: Random): T {
    const r = random.next()
    let low = 0
    let high = this.cumulative.length - 1
    while (low < high) {
      const mid = (low + high) >> 1
      if (this.cumulative[mid]! > r) high = mid
      else low = mid + 1
    }
    return this.items[low]!
  }
}
