/** Maps a layer spec's `kind` to its implementation. */
import { SpecError } from "../errors.js";
import type { LayerKind, LayerSpec } from "../spec/types.js";
import { activation } from "./activation.js";
import { batchNorm } from "./batch-norm.js";
import { conv2d } from "./conv2d.js";
import { dense } from "./dense.js";
import { dropout } from "./dropout.js";
import type { LayerImpl } from "./layer.js";
import { flatten } from "./flatten.js";
import { lrn } from "./lrn.js";
import { pool2d } from "./pool2d.js";
import { rbf } from "./rbf.js";
import { resizing } from "./resizing.js";
import { subsampling } from "./subsampling.js";
import { zeroPadding2d } from "./zero-padding2d.js";

const LAYERS: { readonly [K in LayerKind]: LayerImpl<Extract<LayerSpec, { kind: K }>> } = {
  conv2d,
  pool2d,
  subsampling,
  lrn,
  "batch-norm": batchNorm,
  dropout,
  flatten,
  "zero-padding2d": zeroPadding2d,
  resizing,
  dense,
  activation,
  rbf,
};

/** Every layer kind, in a stable order. */
export const LAYER_KINDS = Object.keys(LAYERS) as LayerKind[];

/** The implementation of a layer spec's kind; SpecError naming the layer for an unknown kind. */
export function layerImpl(spec: LayerSpec): LayerImpl {
  const impl = (LAYERS as Record<string, LayerImpl | undefined>)[spec.kind];
  if (!impl) {
    throw new SpecError(
      `unknown kind ${JSON.stringify(spec.kind)}; expected one of ${LAYER_KINDS.join(", ")}`,
      {
        layer: spec.name,
        attribute: "kind",
      },
    );
  }
  return impl;
}
