/**
 * @convstep/elements — Lit web components that show a convolutional network thinking, one step
 * at a time. This entry point only exports: it registers no tag. Import `define-all.js` (every
 * tag) or `<element>/define.js` (one tag) to register them.
 *
 * @packageDocumentation
 */

// The elements' classes (no side effects: nothing is defined here).
export { CsActivationRace } from "./activation-race/activation-race.component.js";
export { CsAlexnetExplorer } from "./alexnet-explorer/alexnet-explorer.component.js";
export { CsConvSweep } from "./alexnet-explorer/conv-sweep.component.js";
export { CsConnectionTable } from "./connection-table/connection-table.component.js";
export { CsConvWindow } from "./conv-window/conv-window.component.js";
export { CsDigitPad } from "./digit-pad/digit-pad.component.js";
export { CsFeatureMaps } from "./feature-maps/feature-maps.component.js";
export { CsImageInput } from "./image-input/image-input.component.js";
export { CsLenetExplorer } from "./lenet-explorer/lenet-explorer.component.js";
export { CsModelSummary } from "./model-summary/model-summary.component.js";
export { CsNetwork } from "./network/network.component.js";
export { CsNeuronMath } from "./neuron-math/neuron-math.component.js";
export { CsPlayer } from "./player/player.component.js";
export { CsPrediction } from "./prediction/prediction.component.js";
export { CsTrainer } from "./trainer/trainer.component.js";
export { CsTrainedEvent, CsTrainStateEvent } from "./trainer/events.js";

// The explorer's pure helpers, for pages that build links to a step.
export { EXPLORER_PARTS, type ExplorerPart } from "./lenet-explorer/layout.js";
export type { LenetVariant } from "./lenet-explorer/load-model.js";
export {
  formatState,
  formatStep,
  parseState,
  parseStep,
  readHash,
  writeHash,
  type ExplorerState,
  type StepRef,
} from "./shared/explorer/url-state.js";

// The shared public API: where assets live, the page's one engine, the language, the events.
export { assetUrl, getAssetBase, setAssetBase } from "./shared/assets.js";
export { getEngine, requestedBackend, resetEngine } from "./shared/engine.js";
export { getLocale, LOCALES, setLanguage, type Locale } from "./shared/localize.js";
export {
  CsErrorEvent,
  CsFocusLayerEvent,
  CsInputEvent,
  CsNeuronEvent,
  CsPlayEvent,
  CsProgressEvent,
  CsStepEvent,
} from "./shared/events.js";
export { defineElement } from "./shared/define.js";
