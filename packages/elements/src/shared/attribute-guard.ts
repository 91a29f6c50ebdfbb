/**
 * Attributes that cannot break a widget. Each enum or number attribute has a rule; a value outside
 * it (set as an attribute or as a property) is refused and the last good value kept, or, for a
 * size, clamped. Each refusal is reported once per element, attribute and value: one console
 * warning that names the element, the attribute, the value that arrived and the valid values.
 * Explorers also show the warnings in place (`problems`).
 */
import type { PropertyValues, ReactiveElement } from "lit";
import { clampSize } from "@convstep/engine";

/** What a rule makes of a value: the value to use, or `undefined` to refuse it. */
export interface AttributeRule<T> {
  /** The valid values, in words (`"1998" or "keras"`, `a number from 0.25 to 16`). */
  readonly expected: string;
  /** The value used before any good one arrived, and when the attribute is removed. */
  readonly fallback: T;
  /** The value to use for `value` (normalized, clamped), or `undefined` when it is not valid. */
  accept(value: unknown): T | undefined;
}

/** A refused (or clamped) attribute value, as reported. */
export interface AttributeProblem {
  readonly attribute: string;
  /** The value that arrived, as text (shortened when long). */
  readonly value: string;
  /** The one-line warning. */
  readonly message: string;
}

const MAX_SHOWN = 40;

/** A value as the warning quotes it: long text is cut, so that the line stays short. */
function quoted(value: unknown): string {
  const text = typeof value === "string" ? value : String(value);
  const short =
    text.length > MAX_SHOWN ? `${text.slice(0, MAX_SHOWN)}… (${text.length} characters)` : text;
  return JSON.stringify(short);
}

/**
 * Number attributes: like Lit's `Number` converter, but a value that is no finite number (`""`,
 * `"abc"`, `"1e999"`) stays the text that arrived, so that the guard can quote it and refuse it.
 */
export const numberAttribute = {
  fromAttribute(value: string | null): number | string | null {
    if (value === null) return null;
    const n = value.trim() === "" ? NaN : Number(value);
    return Number.isFinite(n) ? n : value;
  },
  toAttribute(value: unknown): string | null {
    return value === undefined || value === null ? null : String(value);
  },
};

/**
 * One of a list of words, compared without case and surrounding spaces. `optional`: no value (the
 * attribute absent or removed) means `undefined`, "as the element decides".
 */
export function oneOf<T extends string>(values: readonly T[], fallback: T): AttributeRule<T>;
export function oneOf<T extends string>(
  values: readonly T[],
  fallback: undefined,
): AttributeRule<T | undefined>;
export function oneOf<T extends string>(
  values: readonly T[],
  fallback: T | undefined,
): AttributeRule<T | undefined> {
  return {
    expected: values.map((v) => JSON.stringify(v)).join(", "),
    fallback,
    accept(value) {
      if (value === null || value === undefined) return fallback;
      if (typeof value !== "string") return undefined;
      const word = value.trim().toLowerCase();
      return values.find((v) => v.toLowerCase() === word);
    },
  };
}

export interface NumberRuleOptions<F extends number | undefined> {
  readonly min: number;
  readonly max: number;
  /** Only whole numbers. */
  readonly integer?: boolean;
  /** Out-of-range numbers are clamped (with a warning) instead of refused (sizes). */
  readonly clamp?: boolean;
  readonly fallback: F;
}

/** A number in `[min, max]`; with `clamp`, a size clamped with the engine's `clampSize`. */
export function numberIn<F extends number | undefined>(
  options: NumberRuleOptions<F>,
): AttributeRule<number | F> {
  const { min, max, integer = false, clamp = false, fallback } = options;
  const kind = integer || clamp ? "an integer" : "a number";
  return {
    expected: `${kind} from ${min} to ${max}`,
    fallback,
    accept(value) {
      if (value === null || value === undefined) return fallback;
      if (typeof value !== "number" || !Number.isFinite(value)) return undefined;
      if (clamp) return clampSize(value, min, max, min);
      if (value < min || value > max || (integer && !Number.isInteger(value))) return undefined;
      return value;
    },
  };
}

/** Space-separated words from a list (`hide="pad table"`), any case; empty is fine. */
export function wordsOf(values: readonly string[]): AttributeRule<string> {
  return {
    expected: `space-separated words of ${values.map((v) => JSON.stringify(v)).join(", ")}`,
    fallback: "",
    accept(value) {
      if (value === null || value === undefined) return "";
      if (typeof value !== "string") return undefined;
      const words = value.toLowerCase().split(/\s+/).filter(Boolean);
      return words.every((w) => values.includes(w)) ? value : undefined;
    },
  };
}

/** The largest channel or step index an attribute may name (beyond any model's). */
export const MAX_INDEX = 2 ** 31 - 1;

/** A playback speed: a multiple of the player's base rate (the player and the explorers). */
export const speedRule = numberIn({ min: 0.05, max: 100, fallback: 1 });

/** A rule of your own (a language tag, a list of words). */
export function rule<T>(
  expected: string,
  fallback: T,
  accept: (value: unknown) => T | undefined,
): AttributeRule<T> {
  return { expected, fallback, accept };
}

/** The rules of an element's properties, by property name; `attribute` names it in warnings. */
export type AttributeRules<H> = {
  readonly [K in keyof H]?: AttributeRule<H[K]> & { readonly attribute?: string };
};

/**
 * Applies the rules of its host's properties: call `check(changed)` first in `willUpdate`. A
 * refused value is replaced by the last good one before anything renders from it.
 */
export class AttributeGuard<H extends ReactiveElement> {
  readonly #host: H;
  readonly #rules: AttributeRules<H>;
  readonly #good = new Map<PropertyKey, unknown>();
  readonly #warned = new Set<string>();
  #problems: AttributeProblem[] = [];

  constructor(host: H, rules: AttributeRules<H>) {
    this.#host = host;
    this.#rules = rules;
  }

  /** The values refused so far (the latest per attribute), for showing in place. */
  get problems(): readonly AttributeProblem[] {
    return this.#problems;
  }

  /** Checks the changed properties that have a rule; replaces refused values. */
  check(changed: PropertyValues): void {
    const host = this.#host as unknown as Record<PropertyKey, unknown>;
    for (const key of Object.keys(this.#rules) as (keyof H & string)[]) {
      if (!changed.has(key) && this.#good.has(key)) continue;
      const r = this.#rules[key]!;
      const arrived = host[key];
      // An optional attribute left empty (`columns=""`) means "as the element decides".
      const absent =
        arrived === undefined ||
        arrived === null ||
        (r.fallback === undefined && typeof arrived === "string" && arrived.trim() === "");
      const accepted = absent ? r.fallback : r.accept(arrived);
      const last = this.#good.has(key) ? this.#good.get(key) : r.fallback;
      const attribute = r.attribute ?? key.toLowerCase();
      if (accepted === undefined && !absent) {
        const kept = last === undefined ? "the default" : JSON.stringify(last);
        this.#report(attribute, arrived, `${r.expected}; keeping ${kept}`);
        this.#good.set(key, last);
        if (host[key] !== last) host[key] = last;
        continue;
      }
      const value = accepted as unknown;
      if (typeof arrived === "number" && value !== arrived) {
        this.#report(attribute, arrived, `${r.expected}; using ${String(value)}`);
      } else {
        this.#clear(attribute);
      }
      this.#good.set(key, value);
      if (host[key] !== value) host[key] = value;
    }
  }

  #report(attribute: string, value: unknown, detail: string): void {
    const shown = quoted(value);
    const message = `<${this.#host.localName}> ${attribute}=${shown} is not valid: expected ${detail}.`;
    this.#problems = [
      ...this.#problems.filter((p) => p.attribute !== attribute),
      { attribute, value: shown, message },
    ];
    const key = `${attribute}\u0000${String(value)}`;
    if (this.#warned.has(key)) return;
    this.#warned.add(key);
    // eslint-disable-next-line no-console -- the page author reads attribute problems in the console
    console.warn(`convstep: ${message}`);
  }

  #clear(attribute: string): void {
    if (this.#problems.some((p) => p.attribute === attribute)) {
      this.#problems = this.#problems.filter((p) => p.attribute !== attribute);
    }
  }
}
