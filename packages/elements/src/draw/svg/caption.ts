/** The caption line of a figure: model, layer, position (pure). */

/** What a caption names. */
export interface CaptionParts {
  /** The model's title ("LeNet-5 (LeCun et al., 1998)"). */
  readonly model: string;
  readonly layer: string;
  /** Map (or unit) and position; omitted parts are left out. */
  readonly channel?: number;
  readonly y?: number;
  readonly x?: number;
  /** Words, for other languages (default English). */
  readonly words?: { readonly layer: string; readonly map: string; readonly at: string };
}

/** "LeNet-5 · layer C3 · map 4 · at (2, 3)". */
export function figureCaption(p: CaptionParts): string {
  const w = p.words ?? { layer: "layer", map: "map", at: "at" };
  const parts = [p.model, `${w.layer} ${p.layer}`];
  if (p.channel !== undefined) parts.push(`${w.map} ${p.channel}`);
  if (p.y !== undefined && p.x !== undefined) parts.push(`${w.at} (${p.y}, ${p.x})`);
  return parts.join(" · ");
}
