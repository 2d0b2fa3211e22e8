/**
 * Counter-based random numbers: every draw is a pure function of (seed, year, purpose, counter),
 * so a result never depends on how agents are split over threads or in which order blocks run.
 *
 * The mixer is Chris Wellons' `lowbias32` (hash-prospector, bias ≈ 0.17, a bijection on 32-bit
 * integers), applied twice with a stream key in between. A stream key folds seed, year and purpose
 * into 32 bits once per year and kernel; a draw is then 2 mixes (~10 integer operations).
 *
 * Why not a library: the npm generators in general use (pure-rand, @stdlib/random) are sequential
 * (state carried from draw to draw). Of the counter-based ones on npm, `squares-rng` (2.0.3,
 * Widynski's Squares, arXiv:2004.06278) has its key fixed inside its WebAssembly, so it gives one
 * stream where a run needs one per (seed, year, purpose), with a 32-bit counter; its draw cost
 * about the same as this one (4.8–8.4 against 3.4–7.5 ns, 2 × 10⁷ draws, three alternations,
 * 2026-12-07); `threefry` is listed but no longer served by the registry. Philox or Threefry
 * (Salmon et al. 2011) written here would need 32 × 32 → 64-bit products, which JavaScript only has
 * through 16-bit halves or BigInt, several times the cost of this draw in the agent pass.
 * rng.test.ts checks the mixer against lowbias32's published inverse.
 */

/** lowbias32: a 32-bit bijective integer hash (Wellons, hash-prospector). */
export function mix32(x: number): number {
  x ^= x >>> 16;
  x = Math.imul(x, 0x7feb352d);
  x ^= x >>> 15;
  x = Math.imul(x, 0x846ca68b);
  x ^= x >>> 16;
  return x >>> 0;
}

/** What a stream of draws is for; each kernel has its own so adding a draw elsewhere changes nothing here. */
export const STREAM = {
  init: 1,
  transitions: 2,
  asylum: 3,
  removal: 4,
  /** 5–7 were return, labour market and remittances before the agent's year drew one uniform for all (agent-year.ts). */
  decideMove: 8,
  smuggling: 9,
  agentYear: 10,
  /** Renewal of temporary permits (value 11 was the ageing stream before the agent year drew one uniform for ageing and the rest). */
  renewal: 11,
  moverCount: 12,
  /** Co-ethnic movers (kernels/co-ethnic.ts). */
  coEthnic: 13,
  /** Flight to a kin state (kernels/kin-flight.ts). */
  kinFlight: 14,
  /** Births into the count of registered refugees (kernels/registered-refugees.ts). */
  registeredRefugees: 15,
  /** Flight from where the violence was (kernels/regional-flight.ts). */
  regionalFlight: 16,
  /** Flight into the retreat of a fallen government (kernels/fall-flight.ts). */
  fallFlight: 17,
} as const;

/** The key of one stream in one year: fold seed, year and purpose into 32 bits. */
export function streamKey(seed: number, year: number, stream: number): number {
  let h = mix32((seed >>> 0) ^ 0x9e3779b9);
  h = mix32(h ^ Math.imul(year | 0, 0x85ebca6b));
  h = mix32(h ^ Math.imul(stream | 0, 0xc2b2ae35));
  return h;
}

/** lowbias32 kept in signed 32-bit form (the same bits as `mix32`): stays an int32 in optimised code. */
function mix32i(x: number): number {
  x ^= x >>> 16;
  x = Math.imul(x, 0x7feb352d);
  x ^= x >>> 15;
  x = Math.imul(x, 0x846ca68b);
  return x ^ (x >>> 16);
}

/** A 32-bit draw of counter `i` in the stream `key` (unsigned). */
export function draw32(key: number, i: number): number {
  return mix32i(mix32i(Math.imul(i, 0x9e3779b1) ^ key) ^ 0x5bd1e995) >>> 0;
}

/** A uniform number in [0, 1) for counter `i` of stream `key`. */
export function uniform(key: number, i: number): number {
  return (mix32i(mix32i(Math.imul(i, 0x9e3779b1) ^ key) ^ 0x5bd1e995) >>> 0) * 2.3283064365386963e-10;
}

/** A second, independent uniform for the same counter (uses a different lane of the key). */
export function uniform2(key: number, i: number): number {
  return (
    (mix32i(mix32i(mix32i(Math.imul(i, 0x9e3779b1) ^ key) ^ 0x5bd1e995) ^ 0x27d4eb2f) >>> 0) *
    2.3283064365386963e-10
  );
}

/** Rounds x ≥ 0 to an integer, up with probability frac(x): unbiased and reproducible. */
export function stochasticRound(x: number, u: number): number {
  const f = Math.floor(x);
  return f + (u < x - f ? 1 : 0);
}

/** A standard normal from two uniforms (Box–Muller). */
export function normal(u1: number, u2: number): number {
  return Math.sqrt(-2 * Math.log(u1 + 1e-12)) * Math.cos(2 * Math.PI * u2);
}
