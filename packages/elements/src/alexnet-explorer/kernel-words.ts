/** What a hand-built conv1 kernel is, in words (localized): "edge at 90°, 10 px, step". */
import { msg, str } from "@lit/localize";
import type { Conv1KernelInfo } from "@convstep/models";

/** A hue of the opponent plane as a colour name (0° red, 90° yellow, 180° green, 270° blue). */
export function hueName(hue: number): string {
  const h = ((Math.round(hue / 45) % 8) + 8) % 8;
  switch (h) {
    case 0:
      return msg("red", { id: "conv-sweep.hue.red" });
    case 1:
      return msg("orange", { id: "conv-sweep.hue.orange" });
    case 2:
      return msg("yellow", { id: "conv-sweep.hue.yellow" });
    case 3:
      return msg("yellow-green", { id: "conv-sweep.hue.yellow-green" });
    case 4:
      return msg("green", { id: "conv-sweep.hue.green" });
    case 5:
      return msg("cyan", { id: "conv-sweep.hue.cyan" });
    case 6:
      return msg("blue", { id: "conv-sweep.hue.blue" });
    default:
      return msg("magenta", { id: "conv-sweep.hue.magenta" });
  }
}

/** "edge at 90°, wavelength 10 px (step)", "red blob, σ 1.6 px", … */
export function describeKernel(info: Conv1KernelInfo): string {
  if (info.kind === "edge") {
    const angle = info.orientation;
    const wave = info.wavelength;
    return info.phase === "odd"
      ? msg(str`edge at ${angle}°, period ${wave} px`, { id: "conv-sweep.kernel.edge" })
      : msg(str`bar at ${angle}°, period ${wave} px`, { id: "conv-sweep.kernel.bar" });
  }
  const colour = hueName(info.hue);
  if (info.kind === "blob") return msg(str`${colour} blob`, { id: "conv-sweep.kernel.blob" });
  if (info.kind === "colour-edge") {
    const angle = info.orientation ?? 0;
    return msg(str`${colour} edge at ${angle}°`, { id: "conv-sweep.kernel.colour-edge" });
  }
  return msg(str`${colour} centre, opposite surround`, { id: "conv-sweep.kernel.centre-surround" });
}
