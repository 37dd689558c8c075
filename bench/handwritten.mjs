// @ts-check
/**
 * Every catalogue formula of data/FastAttention.json written by hand as a JavaScript function
 * of N and D, the reference that the generated code is timed against.
 *
 * Every other symbol is replaced by its default from data/symbols.json: the method's own entry
 * where it has one, else the global entry (Q = N, H = W = √N, v = D). A logarithm written
 * without a base is base 2, the CLI's default. Each function keeps the terms of its catalogue
 * formula without algebraic simplification, so the ratio to the generated code measures code
 * generation rather than rewriting. A value used twice (√N) is computed once, as a person would
 * write it.
 */

/** @typedef {(N: number, D: number) => number} CostFunction */

/** @type {Readonly<Record<string, CostFunction>>} */
export const HANDWRITTEN = {
  // b = N/256 blocks, k = 3 compression stride.
  'T-DMCA': (N, D) => {
    const blocks = N / 256;
    return blocks * (N / blocks) * (N / (blocks * 3)) * D;
  },
  // r = 16 reduction ratio, k = 7 kernel side.
  CBAM: (N, D) => N * D + (D * D) / 16 + N * D * 7 * 7,
  // K = 32 inducing points.
  'Set Transformer': (N, D) => N * 32 * D,
  'Criss Cross Attention': (N, D) => {
    const side = Math.sqrt(N);
    return N * (side + side) * D;
  },
  'Efficient Attention': (N, D) => N * D * D,
  StarTransformer: (N, D) => N * D,
  'Sparse Transformer': (N, D) => N * Math.sqrt(N) * D,
  GCNet: (N, D) => N * D * D,
  SCRAM: (N, D) => N * Math.log2(N) * D,
  'Permutohedral Attention': (N, D) => N * D * D,
  // Q = N queries, K = 512 sub-keys, k = 32 selected keys.
  'Product Key Attention': (N, D) => N * (512 + 32 * 32) * D,
  'Interlaced Attention': (N, D) => N * D * D + N * Math.sqrt(N) * D,
  // k = 64 bases.
  EMA: (N, D) => N * 64 * D,
  // k = 4 context nodes per level.
  'BP-Transformer': (N, D) => N * 4 * Math.log2(N / 4) * D,
  'Compressive Transformer': (N, D) => N * N * D,
  'Axial Attention': (N, D) => {
    const side = Math.sqrt(N);
    return N * (side + side) * D;
  },
  Reformer: (N, D) => N * Math.log2(N) * D * D,
  TaLK: (N, D) => N * D,
  // k = 64 attended positions.
  'Transformer on a Diet': (N, D) => N * 64 * D,
  // n_b = N/64 buckets; D does not appear in the formula.
  'Sinkhorn Attention': (N, _D) => {
    const buckets = N / 64;
    return (N * N) / buckets + buckets * buckets;
  },
  'Routing Transformer': (N, D) => N * Math.sqrt(N) * D,
  // k = 32 predicted edges per query.
  SAC: (N, D) => N * 32 * D,
  // h = w = 2 downsampling factors, k = 4 channel reduction.
  AutoNL: (N, D) => {
    const side = Math.sqrt(N);
    const channels = D / 4;
    return (side / 2) * (side / 2) * channels * channels;
  },
  // k = 512 window, g = 64 global tokens.
  Longformer: (N, D) => N * (512 + 64) * D,
  // g = 128 global tokens, k = 256 local window.
  ETC: (N, D) => (N * 128 + 128 * 128 + N * 256) * D,
  Jukebox: (N, D) => N * Math.sqrt(N) * D,
  'MultiScale Transformer': (N, D) => N * N * D,
  Synthesizer: (N, D) => N * N * D,
  // m = 64 memory tokens.
  GMAT: (N, D) => 64 * (N + 64) * D,
  'Performer(FAVOR)': (N, D) => N * D * D * Math.log2(D),
  // k = 256 projected length.
  Linformer: (N, D) => N * 256 * D,
  'Hand-Crafted Attention': (N, D) => N * N * D,
  'Linear Transformer': (N, D) => N * D * D,
  FANet: (N, D) => N * D * D,
  // k = 100 query clusters.
  'Clustered Attention': (N, D) => N * 100 * D,
  'Kronecker Attention': (N, D) => {
    const side = Math.sqrt(N);
    return (side + side) * (side + side) * D;
  },
  // g = 128 global tokens, k = 192 window, r = 192 random keys.
  BigBird: (N, D) => (128 * 128 + N * (192 + 128 + 192)) * D,
  // r = 64 rank.
  'TGM+TRM': (N, D) => {
    const side = Math.sqrt(N);
    return (D * side * side + D * D + side * side + side * side) * 64;
  },
  FracTAL: (N, D) => {
    const side = Math.sqrt(N);
    return side * side * D;
  },
  // m = 256 random features.
  'Performer(FAVOR+)': (N, D) => N * 256 * D,
  SMYRF: (N, D) => N * Math.log2(N) * D,
  Memformer: (N, D) => N * D,
  Informer: (N, D) => N * Math.log2(N) * D,
  // m = 256 random features.
  SLiM: (N, D) => N * 256 * D,
  Nystromformer: (N, D) => N * D,
  // k = 16 query depth, v = D value dimension, h = 4 queries.
  LambdaNetworks: (N, D) => N * N * 16 * (D / 4),
  // m = 4·D feature dimension.
  SecretlyFastWeight: (N, D) => N * (4 * D) * D,
  RFA: (N, D) => N * D,
};
