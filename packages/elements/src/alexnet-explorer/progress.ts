/**
 * The numbers of the weights progress bar (pure): megabytes with one decimal (1 MB = 10⁶ bytes,
 * as the untrained-weights notice counts them) and the whole percent reached, and which progress
 * reports change what the bar shows (so that 240 MB of small chunks do not re-render thousands
 * of times).
 */
import type { WeightsLoadProgress } from "@convstep/engine";

/** What the bar shows. */
export interface ProgressView {
  /** Megabytes read, one decimal ("37.2"). */
  readonly loadedMb: string;
  /** Megabytes the manifest needs, one decimal ("233.5"). */
  readonly totalMb: string;
  /** Whole percent reached, rounded down (100 only when every byte is in). */
  readonly percent: number;
}

/** The bar's numbers for a progress report. */
export function progressView(progress: WeightsLoadProgress): ProgressView {
  const { loadedBytes, totalBytes } = progress;
  const fraction = totalBytes > 0 ? Math.min(1, loadedBytes / totalBytes) : 1;
  return {
    loadedMb: (loadedBytes / 1e6).toFixed(1),
    totalMb: (totalBytes / 1e6).toFixed(1),
    percent: Math.floor(fraction * 100),
  };
}

/** Thousandths reached: the bar's resolution. */
function permille(p: WeightsLoadProgress): number {
  return p.totalBytes > 0 ? Math.floor((1000 * p.loadedBytes) / p.totalBytes) : 1000;
}

/** Whether `next` moves the bar (a thousandth, a shard, the total) or is the first report. */
export function progressMoved(
  previous: WeightsLoadProgress | undefined,
  next: WeightsLoadProgress,
): boolean {
  return (
    previous === undefined ||
    previous.totalBytes !== next.totalBytes ||
    previous.shardsLoaded !== next.shardsLoaded ||
    permille(previous) !== permille(next)
  );
}
