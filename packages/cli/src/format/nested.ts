/** Flat row-major data as nested arrays, for JSON dumps. */

/** A nested array of numbers (`[h][w][c]`), or a flat one for a one-dimensional shape. */
export type Nested = number | Nested[];

/**
 * Rebuilds nested arrays from row-major `data` of shape `shape`: `[h, w, c]` → `[h][w][c]`,
 * `[n]` → `[n]`.
 *
 * @example toNested(Float32Array.of(1, 2, 3, 4), [2, 2]) // [[1, 2], [3, 4]]
 */
export function toNested(data: ArrayLike<number>, shape: readonly number[]): Nested[] {
  const build = (offset: number, depth: number): Nested[] => {
    const size = shape[depth];
    if (depth === shape.length - 1) return Array.from({ length: size }, (_, i) => data[offset + i]);
    const stride = shape.slice(depth + 1).reduce((a, b) => a * b, 1);
    return Array.from({ length: size }, (_, i) => build(offset + i * stride, depth + 1));
  };
  return shape.length === 0 ? [] : build(0, 0);
}
