/**
 * LeCun et al. (1998), Table I, written out by hand from PAPERS.md — the independent expectation
 * the tests compare the engine's mask, the model spec and the connection-table widget against:
 * `TABLE_I[o]` lists the S2 maps that feed C3 map `o`.
 */
export const TABLE_I: readonly (readonly number[])[] = [
  [0, 1, 2],
  [1, 2, 3],
  [2, 3, 4],
  [3, 4, 5],
  [0, 4, 5],
  [0, 1, 5],
  [0, 1, 2, 3],
  [1, 2, 3, 4],
  [2, 3, 4, 5],
  [0, 3, 4, 5],
  [0, 1, 4, 5],
  [0, 1, 2, 5],
  [0, 1, 3, 4],
  [1, 2, 4, 5],
  [0, 2, 3, 5],
  [0, 1, 2, 3, 4, 5],
];
