/**
 * The sweep's words: the output-size arithmetic with the paper's 224 puzzle, what a kernel is,
 * and numbers as the sweep prints them. Template functions; state comes in as arguments.
 */
import { msg, str } from "@lit/localize";
import { html, nothing } from "lit";
import type { Conv1KernelInfo } from "@convstep/models";
import { describeKernel } from "./kernel-words.js";
import { formatExact, paperPuzzle, type ConvGeometry } from "./sweep.js";
import { formatNumber } from "../shared/format-number.js";
import { getLocale } from "../shared/localize.js";

/** A value with three significant digits (one decimal from 100), a real minus sign; "–" when not finite. */
export function formatValue(v: number, lang: string = getLocale()): string {
  if (!Number.isFinite(v)) return "–";
  return Math.abs(v) >= 100
    ? formatNumber(v, { lang, decimals: 1, grouping: false })
    : formatNumber(v, { lang, significant: 3, trailingZeros: true, grouping: false });
}

/** What a kernel is: hand-built (and which pattern), trained, or seeded and untrained. */
export function kernelText(
  source: "seeded" | "bank" | "trained",
  info: Conv1KernelInfo | undefined,
): string {
  if (source === "bank" && info) {
    const what = describeKernel(info);
    return msg(str`Hand-built: ${what}`, { id: "conv-sweep.kernel.hand-built" });
  }
  if (source === "trained") return msg("Trained kernel", { id: "conv-sweep.kernel.trained" });
  return msg("Random kernel (seeded, untrained)", { id: "conv-sweep.kernel.seeded" });
}

/** The output-size formula, Keras's 'same' padding when used, and (optionally) the 224 puzzle. */
export function renderArithmetic(g: ConvGeometry, showPuzzle: boolean) {
  const { paper, used, torchvision } = paperPuzzle(g);
  const pad = used.padTotal > 0 ? ` + ${used.padTotal}` : "";
  const formula = `(${used.n}${pad} − ${used.k}) / ${used.s} + 1 = ${formatExact(used.exact)}`;
  const out = used.out;
  return html`<div class="arithmetic" part="arithmetic">
    <p>
      <span class="formula">${formula}</span>
      ${
        used.fits
          ? msg(str`→ ${out} × ${out} positions`, { id: "conv-sweep.fits" })
          : msg(str`→ ${out} × ${out} positions (the last columns are never read)`, {
              id: "conv-sweep.leftover",
            })
      }
    </p>
    ${
      g.padding === "same"
        ? html`<p class="note">
            ${msg(
              str`Keras 'same' padding: ⌈${used.n} / ${used.s}⌉ = ${out}, so ${g.pads.top} zero rows go above and ${g.pads.bottom} below (and the same left and right).`,
              { id: "conv-sweep.same" },
            )}
          </p>`
        : nothing
    }
    ${
      showPuzzle
        ? html`<p class="puzzle">
            <strong>${msg("The 224 puzzle:", { id: "conv-sweep.puzzle-title" })}</strong>
            ${msg(
              str`the paper says 224 × 224, but (224 − 11) / 4 + 1 = ${formatExact(paper.exact)} is not a whole number. Caffe crops 227 (→ ${used.out}); torchvision keeps 224 and pads 2 on each side: (224 + 4 − 11) / 4 + 1 = ${formatExact(torchvision.exact)} → ${torchvision.out}.`,
              { id: "conv-sweep.puzzle" },
            )}
          </p>`
        : nothing
    }
  </div>`;
}
