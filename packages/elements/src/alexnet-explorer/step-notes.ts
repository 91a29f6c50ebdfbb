/**
 * The idea behind the cursor's step, told with the trace's own numbers: ReLU and the 224 puzzle
 * at conv1, the GPU that a grouped map lives on and the channels it reads, the neighbouring
 * channels of LRN, the overlapping windows of 3/2 pooling, dropout at fc6/fc7, where fc6's
 * parameters go. Lit templates; the numbers come from `simulator.explain()` and the model.
 */
import { msg, str } from "@lit/localize";
import { html, nothing, svg, type TemplateResult } from "lit";
import type { CompiledLayer, LRNExplanation, PoolExplanation, Simulator } from "@convstep/engine";
import { feedingChannels, formatChannels } from "../network/links.js";
import { styleProps } from "../shared/style-props.js";
import { formatCount } from "../shared/format-number.js";
import { getLocale } from "../shared/localize.js";

/** Counts in the page language (the notes are localized). */
const count = { format: (n: number) => formatCount(n, getLocale()) };

function fmt(v: number, digits = 3): string {
  if (!Number.isFinite(v)) return String(v);
  const abs = Math.abs(v);
  const text = abs !== 0 && (abs >= 1e5 || abs < 1e-3) ? v.toExponential(2) : v.toPrecision(digits);
  return text.replace(/^-/, "−");
}

/** Whether a model splits any layer into groups (AlexNet 2012's two GPUs). */
export function hasGroups(layers: readonly CompiledLayer[]): boolean {
  return layers.some((l) => ((l.spec as { groups?: number }).groups ?? 1) > 1);
}

/** The GPU (1 or 2) of a channel in a layer of `channels`, when the model has two towers. */
export function gpuOf(channel: number, channels: number): 1 | 2 {
  return channel < channels / 2 ? 1 : 2;
}

/** Share of the model's parameters in one layer, in percent. */
export function paramShare(layers: readonly CompiledLayer[], index: number): number {
  const total = layers.reduce((s, l) => s + l.counts.trainable + l.counts.nonTrainable, 0);
  const c = layers[index].counts;
  return total > 0 ? (100 * (c.trainable + c.nonTrainable)) / total : 0;
}

/** The overlapping-pool picture: windows of 3 with stride 2 over a strip of 9 cells. */
function poolStrip(size: number, stride: number): TemplateResult {
  const cells = 9;
  const w = 22;
  const windows = Math.floor((cells - size) / stride) + 1;
  const colours = ["#0b62c4", "#d1495b", "#2e933c", "#8f5fbf"];
  return html`<svg
    class="strip"
    viewBox="0 0 ${cells * w + 2} ${40 + windows * 7}"
    width=${cells * w + 2}
    height=${40 + windows * 7}
    aria-hidden="true"
  >
    ${Array.from(
      { length: cells },
      (_, i) =>
        svg`<rect x=${1 + i * w} y="1" width=${w - 2} height=${w - 2} rx="3" class="cell"></rect>`,
    )}
    ${Array.from({ length: windows }, (_, k) => {
      const x0 = 1 + k * stride * w;
      const y = w + 6 + k * 7;
      return svg`<path d="M${x0 + 2},${y - 4} V${y} H${x0 + size * w - 4} V${y - 4}"
        fill="none" stroke=${colours[k % colours.length]} stroke-width="2" stroke-linecap="round"></path>`;
    })}
  </svg>`;
}

function lrnNote(e: LRNExplanation, channel: number): TemplateResult {
  const max = Math.max(1e-9, ...e.neighbours.map((n) => Math.abs(n.value)));
  const sum = fmt(e.sumSquares);
  const div = fmt(e.divisor);
  const a = fmt(e.input);
  const b = fmt(e.output);
  const k = e.k;
  const n = e.n;
  const alpha = String(e.alpha);
  const beta = e.beta;
  return html`<p>
      ${msg(
        str`Local response normalisation divides each value by the activity of its ${n} neighbouring maps at the same place: a strong map quiets its neighbours ("lateral inhibition"). The paper credits it with 1.4% top-1.`,
        { id: "alexnet-explorer.note.lrn" },
      )}
    </p>
    <div
      class="bars"
      role="img"
      aria-label=${msg("Values of the neighbouring maps", { id: "alexnet-explorer.note.lrn-bars" })}
    >
      ${e.neighbours.map(
        (nb) =>
          html`<span class="bar-item ${nb.channel === channel ? "self" : ""}">
            <span
              class="bar"
              ${styleProps({ height: `${Math.round((40 * Math.abs(nb.value)) / max) + 2}px` })}
            ></span>
            <span class="bar-label">${nb.channel}</span>
          </span>`,
      )}
    </div>
    <p class="formula">
      b = a / (k + α·Σa²)<sup>β</sup> = ${a} / (${k} + ${alpha} × ${sum})<sup>${beta}</sup> = ${a} /
      ${div} = <strong>${b}</strong>
    </p>`;
}

function poolNote(e: PoolExplanation, layer: CompiledLayer): TemplateResult {
  const spec = layer.spec as { poolSize?: number; strides?: number };
  const size = spec.poolSize ?? 2;
  const stride = spec.strides ?? size;
  const nIn = layer.inputShape[0];
  const nOut = layer.outputShape[0];
  const overlapping = stride < size;
  const flat = e.values.flat().filter((v) => Number.isFinite(v));
  const best = Math.max(...flat);
  if (size === 1 && stride === 1) {
    return html`<p>
      ${msg(
        str`A 1×1 pooling window leaves every value as it is (${nIn} → ${nOut}): it stands for torchvision's adaptive average pooling to 6×6, which at a 224×224 input has nothing left to do.`,
        { id: "alexnet-explorer.note.pool-identity" },
      )}
    </p>`;
  }
  return html`<p>
      ${
        overlapping
          ? msg(
              str`Overlapping max-pooling: ${size}×${size} windows every ${stride} pixels, so neighbouring windows share a row or a column (${nIn} → ⌊(${nIn} − ${size}) / ${stride}⌋ + 1 = ${nOut}). The paper found it cut top-1 error by 0.4% and made overfitting slightly harder.`,
              { id: "alexnet-explorer.note.pool-overlap" },
            )
          : msg(
              str`Max-pooling: ${size}×${size} windows every ${stride} pixels (${nIn} → ${nOut}).`,
              {
                id: "alexnet-explorer.note.pool",
              },
            )
      }
    </p>
    ${poolStrip(size, stride)}
    <div
      class="pool-grid"
      ${styleProps({ "grid-template-columns": `repeat(${e.values[0]?.length ?? 1}, auto)` })}
    >
      ${e.values
        .flat()
        .map(
          (v) =>
            html`<span class=${v === best ? "max" : ""}
              >${Number.isFinite(v) ? fmt(v) : "·"}</span
            >`,
        )}
    </div>
    <p class="formula">max = <strong>${fmt(e.output)}</strong></p>`;
}

/**
 * The note for the cursor's layer, with numbers from the simulator. Returns `nothing` when the
 * simulator has no trace.
 */
export function stepNote(sim: Simulator): TemplateResult | typeof nothing {
  const trace = sim.trace;
  if (!trace) return nothing;
  const layers = sim.model.layers;
  const at = sim.cursor.neuron;
  const layer = layers[at.layer];
  const spec = layer.spec as { kind: string; groups?: number; rate?: number; activation?: string };
  const name = layer.name;
  const towers = hasGroups(layers);
  const firstConv = layers.findIndex((l) => l.spec.kind === "conv2d");
  const heading = html`<h3>${name}</h3>`;
  switch (spec.kind) {
    case "conv2d": {
      const previous =
        at.layer > 0
          ? layers[at.layer - 1].name
          : msg("the input", { id: "alexnet-explorer.note.the-input" });
      const sources = formatChannels(feedingChannels(layer, at.channel));
      const channels = layer.outputShape[2];
      const gpu = gpuOf(at.channel, channels);
      const c = at.channel;
      if (at.layer === firstConv) {
        return html`${heading}
          <p>
            ${msg(
              "ReLU, max(0, x), follows every convolution: it does not saturate like tanh, and the paper's 4-layer net reached 25% training error on CIFAR-10 six times faster with it.",
              { id: "alexnet-explorer.note.relu" },
            )}
          </p>
          ${
            towers
              ? html`<p>
                  ${msg(
                    "Each GPU ran 48 of the 96 kernels on the whole image. In the paper's Figure 3, GPU 1 learned mostly colour-agnostic edges and gratings, GPU 2 mostly colour blobs.",
                    { id: "alexnet-explorer.note.conv1-gpus" },
                  )}
                </p>`
              : nothing
          }`;
      }
      if ((spec.groups ?? 1) > 1) {
        return html`${heading}
          <p>
            ${msg(
              str`Grouped convolution: map ${c} lives on GPU ${gpu} and reads only that GPU's half of ${previous}: maps ${sources}. The two GPUs' kernels never see each other's maps here, which halves the parameters and the traffic between the cards.`,
              { id: "alexnet-explorer.note.grouped" },
            )}
          </p>`;
      }
      if (towers) {
        return html`${heading}
          <p>
            ${msg(
              str`Here the GPUs talk: map ${c} reads all the maps of ${previous} (${sources}), both GPUs' halves. In the paper, ${name} is one of the few layers whose inputs cross between the cards.`,
              { id: "alexnet-explorer.note.cross" },
            )}
          </p>`;
      }
      if (sim.model.spec.name === "alexnet-torchvision") {
        return html`${heading}
          <p>
            ${msg(
              str`Map ${c} reads every map of ${previous} (${sources}): torchvision's AlexNet runs on one GPU, without groups.`,
              { id: "alexnet-explorer.note.one-group-torchvision" },
            )}
          </p>`;
      }
      return html`${heading}
        <p>
          ${msg(
            str`Map ${c} reads every map of ${previous} (${sources}): the Keras version has no GPU groups.`,
            {
              id: "alexnet-explorer.note.one-group",
            },
          )}
        </p>`;
    }
    case "lrn": {
      const e = sim.explain(at).explanation;
      return html`${heading}${e.type === "lrn" ? lrnNote(e, at.channel) : nothing}`;
    }
    case "pool2d": {
      const e = sim.explain(at).explanation;
      return html`${heading}${e.type === "pool" ? poolNote(e, layer) : nothing}`;
    }
    case "batch-norm":
      return html`${heading}
        <p>
          ${msg(
            "BatchNormalization stands in for LRN in the Keras version: y = γ·(x − μ)/√(σ² + ε) + β, per map, with the mean and variance learned over training batches.",
            { id: "alexnet-explorer.note.batch-norm" },
          )}
        </p>`;
    case "resizing": {
      const [h] = layer.inputShape;
      const [oh] = layer.outputShape;
      const factor = fmt(oh / h, 3);
      return html`${heading}
        <p>
          ${msg(
            str`The Keras version blows the ${h}×${h} CIFAR-10 image up to ${oh}×${oh} (bilinear, ${factor}× each way) so that AlexNet's 11×11 stride-4 conv1 fits: every input pixel becomes a soft blob of about 7×7.`,
            { id: "alexnet-explorer.note.resizing" },
          )}
        </p>`;
    }
    case "flatten": {
      const [h, w, c] = layer.inputShape;
      const units = count.format(h * w * c);
      return html`${heading}
        <p>
          ${msg(
            str`Flatten: ${h} × ${w} × ${c} = ${units} numbers in a row, the input of the first fully connected layer.`,
            {
              id: "alexnet-explorer.note.flatten",
            },
          )}
        </p>`;
    }
    case "dense": {
      const share = paramShare(layers, at.layer).toFixed(1);
      const params = count.format(layer.counts.trainable);
      const inputs = count.format(layer.inputShape.reduce((a, b) => a * b, 1));
      const units = count.format(layer.outputShape[0]);
      const softmax = spec.activation === "softmax";
      return html`${heading}
        <p>
          ${msg(
            str`Fully connected: each of the ${units} units reads all ${inputs} inputs. ${name} holds ${params} parameters, ${share}% of the whole network.`,
            {
              id: "alexnet-explorer.note.dense",
            },
          )}
          ${
            towers
              ? msg("Its inputs come from both GPUs.", { id: "alexnet-explorer.note.dense-gpus" })
              : nothing
          }
        </p>
        ${
          softmax
            ? html`<p>
                ${msg("Softmax turns the scores into probabilities that add up to 1.", {
                  id: "alexnet-explorer.note.softmax",
                })}
              </p>`
            : nothing
        }`;
    }
    case "dropout": {
      const rate = spec.rate ?? 0.5;
      const keep = fmt(1 / (1 - rate), 3);
      return html`${heading}
        <p>
          ${msg(
            str`Dropout (rate ${rate}): while training, each unit is zeroed with probability ${rate} and the survivors are scaled by ${keep}, so no unit can rely on another being there. At inference, as here, nothing is dropped: y = x.`,
            { id: "alexnet-explorer.note.dropout" },
          )}
        </p>
        ${dropoutDots(rate)}`;
    }
    default:
      return heading;
  }
}

/** 48 units of one imaginary training step, about `rate` of them dropped (a fixed pattern). */
function dropoutDots(rate: number): TemplateResult {
  let seed = 12345;
  const random = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
  const dots = Array.from({ length: 48 }, () => random() < rate);
  return html`<figure class="dots">
    <div aria-hidden="true">
      ${dots.map((dropped) => html`<span class=${dropped ? "dot off" : "dot"}></span>`)}
    </div>
    <figcaption>
      ${msg("One training step: crossed units are dropped.", { id: "alexnet-explorer.note.dropout-caption" })}
    </figcaption>
  </figure>`;
}
