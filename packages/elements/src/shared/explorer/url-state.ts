/**
 * An explorer's state as short text, for the `step` attribute and the URL hash (pure; tested
 * alone). A step names a layer, then optionally a channel and a neuron (row, column):
 *
 *     C3            layer C3
 *     C3:4          channel 4 of C3
 *     C3:4:2,3      neuron (row 2, column 3) of channel 4 of C3
 *
 * In the hash the granularity follows an `@`, and each explorer has its own key (its `id`, else
 * `lenet` or `alexnet`): `#lenet=C3:4:2,3@neuron`. Several keys share the hash as `a=…&b=…`;
 * anything else already there (an anchor such as `#results`) is kept.
 */
import type { Granularity, StepPosition } from "@convstep/engine";

/** A step as text names it: the layer by name (or index), and optional channel, row and column. */
export interface StepRef {
  readonly layer: string;
  readonly channel?: number;
  /** Row of the neuron (set together with `x`). */
  readonly y?: number;
  /** Column of the neuron (set together with `y`). */
  readonly x?: number;
}

/** What the hash keeps of an explorer: the step and, when given, the granularity. */
export interface ExplorerState {
  readonly step: StepRef;
  readonly granularity?: Granularity;
}

const GRANULARITY_NAMES: readonly Granularity[] = ["layer", "channel", "neuron"];

const STEP_PATTERN = /^([A-Za-z_][\w.-]*|\d+)(?::(\d+)(?::(\d+),(\d+))?)?$/;

/** Parses `C3`, `C3:4` or `C3:4:2,3` (spaces ignored); null when the text is not a step. */
export function parseStep(text: string | null | undefined): StepRef | null {
  if (typeof text !== "string") return null;
  const m = STEP_PATTERN.exec(text.replace(/\s+/g, ""));
  if (!m) return null;
  const [, layer, channel, y, x] = m;
  if (channel === undefined) return { layer };
  if (y === undefined) return { layer, channel: Number(channel) };
  return { layer, channel: Number(channel), y: Number(y), x: Number(x) };
}

/** Formats a step as `C3`, `C3:4` or `C3:4:2,3`. */
export function formatStep(step: StepRef): string {
  let text = step.layer;
  if (step.channel === undefined) return text;
  text += `:${step.channel}`;
  if (step.y === undefined || step.x === undefined) return text;
  return `${text}:${step.y},${step.x}`;
}

/** The granularity a step's text implies: `C3` layer, `C3:4` channel, `C3:4:2,3` neuron. */
export function impliedGranularity(step: StepRef): Granularity {
  if (step.channel === undefined) return "layer";
  return step.y === undefined ? "channel" : "neuron";
}

/** Parses `C3:4:2,3@neuron` (the granularity is optional); null when malformed. */
export function parseState(text: string | null | undefined): ExplorerState | null {
  if (typeof text !== "string") return null;
  const [stepText, granularity, ...rest] = text.split("@");
  if (rest.length > 0) return null;
  const step = parseStep(stepText);
  if (!step) return null;
  if (granularity === undefined) return { step };
  const g = granularity.trim().toLowerCase() as Granularity;
  return GRANULARITY_NAMES.includes(g) ? { step, granularity: g } : null;
}

/** Formats a state as `C3:4:2,3@neuron`. */
export function formatState(state: ExplorerState): string {
  const step = formatStep(state.step);
  return state.granularity ? `${step}@${state.granularity}` : step;
}

/**
 * Resolves a step against a model's layer names (case-insensitive; a number is an index):
 * the cursor position, or null when no layer has that name.
 */
export function resolveStep(step: StepRef, layerNames: readonly string[]): StepPosition | null {
  let layer = layerNames.findIndex((n) => n.toLowerCase() === step.layer.toLowerCase());
  if (layer < 0 && /^\d+$/.test(step.layer)) layer = Number(step.layer);
  if (layer < 0 || layer >= layerNames.length) return null;
  const position: { layer: number; channel?: number; y?: number; x?: number } = { layer };
  if (step.channel !== undefined) position.channel = step.channel;
  if (step.y !== undefined && step.x !== undefined) {
    position.y = step.y;
    position.x = step.x;
  }
  return position;
}

/** The step text of a cursor position, as deep as the granularity shows it. */
export function stepRefOf(
  position: StepPosition,
  layerNames: readonly string[],
  granularity: Granularity,
): StepRef {
  const layer = layerNames[position.layer] ?? String(position.layer);
  if (granularity === "layer") return { layer };
  const channel = position.channel ?? 0;
  if (granularity === "channel") return { layer, channel };
  return { layer, channel, y: position.y ?? 0, x: position.x ?? 0 };
}

// -------------------------------------------------------------------------------------------
// The hash: `#key=value&key2=value2`, other parts kept as they are.

/** Like encodeURIComponent, but keeps the step's `:`, `,` and `@` readable. */
function encode(text: string): string {
  return encodeURIComponent(text).replace(/%3A/gi, ":").replace(/%2C/gi, ",").replace(/%40/g, "@");
}

function decode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

function hashParts(hash: string): string[] {
  const body = hash.startsWith("#") ? hash.slice(1) : hash;
  return body === "" ? [] : body.split("&");
}

/** The value of `key` in a hash (`#lenet=C3:4` → `C3:4`), or undefined. */
export function readHash(hash: string, key: string): string | undefined {
  for (const part of hashParts(hash)) {
    const eq = part.indexOf("=");
    if (eq > 0 && decode(part.slice(0, eq)) === key) return decode(part.slice(eq + 1));
  }
  return undefined;
}

/**
 * The hash with `key` set to `value` (in place when present, else appended) or removed when
 * `value` is undefined; other parts are kept. Returns `""` for an empty hash, else `#…`.
 */
export function writeHash(hash: string, key: string, value: string | undefined): string {
  const parts = hashParts(hash);
  const entry = value === undefined ? undefined : `${encode(key)}=${encode(value)}`;
  let found = false;
  const out: string[] = [];
  for (const part of parts) {
    const eq = part.indexOf("=");
    if (eq > 0 && decode(part.slice(0, eq)) === key) {
      if (!found && entry) out.push(entry);
      found = true;
    } else {
      out.push(part);
    }
  }
  if (!found && entry) out.push(entry);
  return out.length === 0 ? "" : `#${out.join("&")}`;
}
