/** The words of the network view: column labels, aria labels and the live sentence (localized). */
import { msg, str } from "@lit/localize";
import type { ColumnLayout } from "./layout.js";
import { formatChannels } from "./links.js";
import { formatCount as formatNumberCount } from "../shared/format-number.js";
import { getLocale } from "../shared/localize.js";

/** 1516 → "1,516" (grouped as the page language groups digits). */
export function formatCount(n: number): string {
  return formatNumberCount(n, getLocale());
}

/** The column's title: the layer name, or "Input". */
export function columnTitle(column: ColumnLayout): string {
  return column.layer < 0 ? msg("Input", { id: "network.input" }) : column.name;
}

/** "16 maps of 10×10", "1 map of 32×32" or "84 units". */
export function describeColumn(column: ColumnLayout): string {
  const n = formatCount(column.channels);
  if (column.shape.length !== 3) return msg(str`${n} units`, { id: "network.units" });
  const h = column.mapHeight;
  const w = column.mapWidth;
  return column.channels === 1
    ? msg(str`1 map of ${h}×${w}`, { id: "network.map-one" })
    : msg(str`${n} maps of ${h}×${w}`, { id: "network.maps" });
}

const compact = new Map<string, Intl.NumberFormat>();

/** A count short enough for a column: 48,120 stays whole, 37,752,832 → "37.8M" (page language). */
export function shortCount(n: number): string {
  if (n < 100_000) return formatCount(n);
  const locale = getLocale();
  let format = compact.get(locale);
  if (!format) {
    format = new Intl.NumberFormat(locale, { notation: "compact", maximumSignificantDigits: 3 });
    compact.set(locale, format);
  }
  return format.format(n);
}

/**
 * Visible parameter count: "1,516 params", "37.8M params" (the exact number is in the column's
 * accessible name), or "no params".
 */
export function paramsText(params: number): string {
  return params === 0
    ? msg("no params", { id: "network.params-none" })
    : msg(str`${shortCount(params)} params`, { id: "network.params" });
}

/** "C3: 16 maps of 10×10, 1,516 parameters". */
export function columnAria(column: ColumnLayout): string {
  const title = columnTitle(column);
  const what = describeColumn(column);
  if (column.layer < 0) return msg(str`${title}: ${what}`, { id: "network.aria-input" });
  const params =
    column.params === 0
      ? msg("no parameters", { id: "network.aria-params-none" })
      : msg(str`${formatCount(column.params)} parameters`, { id: "network.aria-params" });
  return msg(str`${title}: ${what}, ${params}`, { id: "network.aria-column" });
}

/** "+ 4,064 more". */
export function moreText(hidden: number): string {
  return msg(str`+ ${formatCount(hidden)} more`, { id: "network.more" });
}

function noun(column: ColumnLayout, plural: boolean): string {
  if (column.shape.length === 3) {
    return plural
      ? msg("maps", { id: "network.noun-maps" })
      : msg("map", { id: "network.noun-map" });
  }
  return plural
    ? msg("units", { id: "network.noun-units" })
    : msg("unit", { id: "network.noun-unit" });
}

/**
 * The sentence announced when the focus moves: "C3 map 0 reads S2 maps 0, 1, 2.", "F6 unit 3
 * reads all 120 units of flatten.", or, for the input, what it is.
 */
export function focusSentence(
  target: ColumnLayout,
  channel: number,
  source: ColumnLayout | undefined,
  sources: readonly number[],
): string {
  const name = columnTitle(target);
  if (!source) return msg(str`${name}: ${describeColumn(target)}.`, { id: "network.live-input" });
  const what = noun(target, false);
  const from = columnTitle(source);
  if (sources.length === source.channels && sources.length > 1) {
    const n = formatCount(sources.length);
    const of = noun(source, true);
    return msg(str`${name} ${what} ${channel} reads all ${n} ${of} of ${from}.`, {
      id: "network.live-all",
    });
  }
  const of = noun(source, sources.length > 1);
  const list = formatChannels(sources);
  return msg(str`${name} ${what} ${channel} reads ${from} ${of} ${list}.`, {
    id: "network.live-some",
  });
}
