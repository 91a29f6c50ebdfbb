/**
 * The plain data of the network picture: the columns and items network/layout.ts computes and
 * the links, rings and bands network/links.ts derives, which draw/network.ts paints. Types only,
 * here so that the drawing code and the network view's modules both import them downward.
 */
import type { Shape } from "@convstep/engine";

/** What a column shows. */
export type ColumnKind = "maps" | "vector" | "slim";

/** One thumbnail or box. */
export interface ItemLayout {
  /** The channel (map) or unit it shows. */
  readonly channel: number;
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
  /** The tower it sits in, when the column is split (see towers.ts). */
  readonly tower?: number;
}

/** One column: a layer (or the input, `layer` −1). */
export interface ColumnLayout {
  readonly layer: number;
  readonly name: string;
  readonly kind: ColumnKind;
  readonly shape: Shape;
  /** Maps (channels) of a spatial output, units of a vector. */
  readonly channels: number;
  /** Map height and width (1×1 for vectors). */
  readonly mapHeight: number;
  readonly mapWidth: number;
  readonly x: number;
  readonly width: number;
  /** Index of the first item shown. */
  readonly start: number;
  /** The items shown, top to bottom. */
  readonly items: readonly ItemLayout[];
  /** Channels or units not shown. */
  readonly hidden: number;
  readonly params: number;
  /** The column's towers, top to bottom, when the layout is split (absent otherwise). */
  readonly towers?: readonly TowerBand[];
}

/** One tower of a column: its vertical band and the part of its channels shown. */
export interface TowerBand {
  readonly tower: number;
  /** Top and bottom of the tower's band, px. */
  readonly top: number;
  readonly bottom: number;
  /** Channels (or units) that live on this tower. */
  readonly channels: number;
  /** Offset (within the tower) of the first item shown, and how many are shown. */
  readonly start: number;
  readonly shown: number;
}

/** The whole picture. */
export interface NetworkLayout {
  /** Total width, px (wider than asked when the network scrolls). */
  readonly width: number;
  /** Height of the item area, px. */
  readonly height: number;
  readonly columns: readonly ColumnLayout[];
}

/** One drawn link: from a source item to the focused item. */
export interface LinkSpec {
  /** Stable key: `<layer>:<from>-><to>`, or `<layer>:more-><to>` for the hidden sources. */
  readonly key: string;
  /** The source channel, or −1 for the link that stands for sources off the page. */
  readonly from: number;
  readonly to: number;
  /** How many source channels the link stands for (1, or the hidden ones). */
  readonly count: number;
  readonly x1: number;
  readonly y1: number;
  readonly x2: number;
  readonly y2: number;
}

/** A highlighted item: the focused one, or what feeds it. */
export interface RingSpec {
  readonly key: string;
  readonly role: "focus" | "source";
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

/** A soft band between two consecutive columns, spanning their items. */
export interface BandSpec {
  /** The layer the band flows into. */
  readonly layer: number;
  /** Right edge of the source items, top and bottom. */
  readonly x1: number;
  readonly top1: number;
  readonly bottom1: number;
  /** Left edge of the target items, top and bottom. */
  readonly x2: number;
  readonly top2: number;
  readonly bottom2: number;
  /** Stable key when a pair of columns has several bands (towers): `<layer>:<from>-><to>`. */
  readonly key?: string;
  /** A band between two different towers: where AlexNet's GPUs exchange data. */
  readonly cross?: boolean;
}
