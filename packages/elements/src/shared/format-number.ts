/**
 * Numbers as the elements write them: in the reader's language (`Intl.NumberFormat` with the
 * element's `lang`: its decimal separator and digit grouping), with a true minus sign (U+2212,
 * also in an exponent), to a number of significant digits or decimals, and in exponent notation
 * (`1.23e−7`) outside a range when asked. One formatter: each element picks its options.
 */

/** The minus sign (U+2212), never the hyphen-minus. */
export const MINUS = "\u2212";

/** How {@link formatNumber} writes a number. */
export interface FormatNumberOptions {
  /** BCP 47 language of the text (the element's `lang`); default "en". */
  readonly lang?: string;
  /** At most this many significant digits (default 3), unless `decimals` or `maxDecimals` is set. */
  readonly significant?: number;
  /** Keep trailing zeros of the significant digits: 0.5 at 3 → "0.500" (default false). */
  readonly trailingZeros?: boolean;
  /** Exactly this many decimals: 1.5 at 3 → "1.500". */
  readonly decimals?: number;
  /** At most this many decimals, trailing zeros dropped: 1.5 at 3 → "1.5". */
  readonly maxDecimals?: number;
  /** Digit grouping (12,300); default true. */
  readonly grouping?: boolean;
  /** Exponent notation from this magnitude up (default: never). */
  readonly scientificAbove?: number;
  /** Exponent notation below this magnitude, zero excepted (default: never). */
  readonly scientificBelow?: number;
  /** Significant digits of an exponent's mantissa (default: `significant`, else 3). */
  readonly mantissaDigits?: number;
  /** Keep trailing zeros of the mantissa: "1.20e−4" rather than "1.2e−4" (default false). */
  readonly mantissaZeros?: boolean;
  /** Write a positive exponent with its sign: "1.23e+5" (default false: "1.23e5"). */
  readonly exponentPlus?: boolean;
  /** The text of NaN (default "NaN"); ±Infinity are "∞" and "−∞" unless `infinity` says otherwise. */
  readonly nan?: string;
  /** The text of +Infinity (default "∞"; −Infinity gets the minus sign in front). */
  readonly infinity?: string;
}

const formatters = new Map<string, Intl.NumberFormat>();

/** A cached `Intl.NumberFormat` (creating one is slow; the elements format thousands of cells). */
function numberFormat(lang: string, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const key = `${lang}|${JSON.stringify(options)}`;
  let format = formatters.get(key);
  if (!format) {
    try {
      format = new Intl.NumberFormat(lang, options);
    } catch {
      // A malformed `lang` attribute: the page's text is still readable in English digits.
      format = new Intl.NumberFormat("en", options);
    }
    formatters.set(key, format);
  }
  return format;
}

const withMinus = (text: string) => text.replace(/[-\u2010\u2011]/g, MINUS);

/** `Intl.NumberFormatOptions` of the digits the options ask for. */
function digitOptions(options: FormatNumberOptions): Intl.NumberFormatOptions {
  const useGrouping = options.grouping ?? true;
  if (options.decimals !== undefined) {
    return {
      useGrouping,
      minimumFractionDigits: options.decimals,
      maximumFractionDigits: options.decimals,
    };
  }
  if (options.maxDecimals !== undefined) {
    return { useGrouping, minimumFractionDigits: 0, maximumFractionDigits: options.maxDecimals };
  }
  const digits = Math.min(21, Math.max(1, Math.round(options.significant ?? 3)));
  return {
    useGrouping,
    maximumSignificantDigits: digits,
    ...(options.trailingZeros ? { minimumSignificantDigits: digits } : {}),
  };
}

/** A number as text in the reader's language; see {@link FormatNumberOptions}. */
export function formatNumber(value: number, options: FormatNumberOptions = {}): string {
  if (Number.isNaN(value)) return options.nan ?? "NaN";
  if (!Number.isFinite(value)) {
    const infinity = options.infinity ?? "∞";
    return value > 0 ? infinity : `${MINUS}${infinity}`;
  }
  const lang = options.lang || "en";
  const abs = Math.abs(value);
  const scientific =
    abs !== 0 &&
    ((options.scientificAbove !== undefined && abs >= options.scientificAbove) ||
      (options.scientificBelow !== undefined && abs < options.scientificBelow));
  if (scientific) {
    const digits = Math.max(1, Math.round(options.mantissaDigits ?? options.significant ?? 3));
    const [mantissa, exponent] = value.toExponential(digits - 1).split("e") as [string, string];
    const m = numberFormat(lang, {
      useGrouping: false,
      minimumFractionDigits: options.mantissaZeros ? digits - 1 : 0,
      maximumFractionDigits: digits - 1,
    }).format(Number(mantissa));
    const e = Number(exponent);
    const sign = e < 0 ? MINUS : options.exponentPlus ? "+" : "";
    return `${withMinus(m)}e${sign}${Math.abs(e)}`;
  }
  const text = numberFormat(lang, digitOptions(options)).format(value);
  // A negative value that rounds to zero (and −0) reads as 0, not "−0.000".
  return /^-[^1-9]*$/.test(text) ? text.slice(1) : withMinus(text);
}

/** A whole count with the language's digit grouping: 5880 → "5,880" in English. */
export function formatCount(value: number, lang?: string): string {
  return formatNumber(value, { lang, maxDecimals: 0 });
}
