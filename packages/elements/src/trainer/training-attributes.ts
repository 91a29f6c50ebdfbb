/**
 * The attribute rules of cs-trainer and cs-activation-race (the shared AttributeGuard's): the
 * backend and model words, the seed and digit counts, and the hyper-parameters. The
 * hyper-parameters stay text (they fill the form's fields) but an attribute that is no number in
 * range is refused with a warning, as every other element refuses one.
 */
import { MAX_EPOCHS, parseNumberField } from "@convstep/engine";
import { MAX_INDEX, numberIn, oneOf, rule, type AttributeRule } from "../shared/attribute-guard.js";
import type { TrainingBackendChoice } from "./protocol.js";

/** Training digits shipped (packages/models/data/mnist-train-3000.bin.deflate). */
export const SHIPPED_DIGITS = 3000;

/** Held-out test digits shipped (packages/models/data/mnist-test-500.bin). */
export const SHIPPED_TEST_DIGITS = 500;

/** `auto`, `cpu` or `webgl`. */
export const backendRule = oneOf<TrainingBackendChoice>(["auto", "cpu", "webgl"], "auto");

/** A seed: a whole number from 0. */
export const seedRule = numberIn({ min: 0, max: MAX_INDEX, integer: true, fallback: 1 });

/** How many of the shipped training digits to use. */
export function digitsRule(fallback: number): AttributeRule<number> {
  return numberIn({ min: 1, max: SHIPPED_DIGITS, integer: true, fallback });
}

/** Held-out digits measured after each epoch (0: none). */
export const heldOutRule = numberIn({
  min: 0,
  max: SHIPPED_TEST_DIGITS,
  integer: true,
  fallback: 200,
});

interface NumberTextOptions<F extends string | undefined> {
  readonly expected: string;
  readonly fallback: F;
  readonly ok: (n: number) => boolean;
}

/** A number kept as the text that arrived (a form field's value), when `ok` accepts it. */
function numberText<F extends string | undefined>(
  options: NumberTextOptions<F>,
): AttributeRule<string | F> {
  return rule<string | F>(options.expected, options.fallback, (value) => {
    if (value === null || value === undefined) return options.fallback;
    const text = typeof value === "number" ? String(value) : value;
    if (typeof text !== "string") return undefined;
    const n = parseNumberField(text);
    return Number.isFinite(n) && options.ok(n) ? text.trim() : undefined;
  });
}

/** The learning rate's text: a number above 0, at most 10 (the engine's checkHyperparameters). */
export function learningRateRule<F extends string | undefined>(fallback: F) {
  return numberText({
    expected: "a number above 0, at most 10",
    fallback,
    ok: (n) => n > 0 && n <= 10,
  });
}

/** The batch size's text: a whole number from 1 to the shipped digits. */
export function batchSizeRule(fallback: string) {
  return numberText({
    expected: `a whole number from 1 to ${SHIPPED_DIGITS}`,
    fallback,
    ok: (n) => Number.isInteger(n) && n >= 1 && n <= SHIPPED_DIGITS,
  });
}

/** The epochs' text: a whole number from 1 to the engine's MAX_EPOCHS. */
export function epochsRule(fallback: string) {
  return numberText({
    expected: `a whole number from 1 to ${MAX_EPOCHS}`,
    fallback,
    ok: (n) => Number.isInteger(n) && n >= 1 && n <= MAX_EPOCHS,
  });
}

/** The hyper-parameter attributes that fill the form's fields. */
export type FieldKey = "learningRate" | "batchSize" | "epochs";
const FIELD_KEYS: readonly FieldKey[] = ["learningRate", "batchSize", "epochs"];
type FieldHost = { readonly [K in FieldKey]: string | undefined };

/**
 * What a refused hyper-parameter attribute leaves in its field. The guard keeps the property at
 * its last good value, but the field shows what the author wrote, so that Start refuses it in
 * place (in the page's language) rather than train with a value nobody asked for.
 */
export class TypedFields {
  readonly #typed = new Map<FieldKey, string>();
  #arrived = new Map<FieldKey, unknown>();

  /** Call before the guard's `check`: notes the values as they arrived. */
  arrive(host: FieldHost, changed: ReadonlyMap<PropertyKey, unknown>): void {
    this.#arrived = new Map(FIELD_KEYS.filter((k) => changed.has(k)).map((k) => [k, host[k]]));
  }

  /** Call after the guard's `check`: a refused value stays for its field, a good one clears it. */
  settle(host: FieldHost): void {
    for (const [key, value] of this.#arrived) {
      if (typeof value === "string" && value !== host[key]) this.#typed.set(key, value);
      else this.#typed.delete(key);
    }
    this.#arrived.clear();
  }

  /** The text a field shows: the refused value the author wrote, else `good`. */
  text(key: FieldKey, good: string): string {
    return this.#typed.get(key) ?? good;
  }
}
