/**
 * Standalone SVG figures as strings, without a DOM or Lit: the network and a neuron's arithmetic.
 * The elements' `toSVG()` and the CLI's `convstep figure` both build their files here, so that
 * they draw the same picture. Exported as `@convstep/elements/svg.js`.
 */
export { CAPTION_HEIGHT, escapeXml, svgDocument, type SvgDocument } from "./document.js";
export {
  ENGLISH_NETWORK_LABELS,
  MAX_CELLS,
  networkSVG,
  type FigureModel,
  type FigureStep,
  type FigureTrace,
  type NetworkLabels,
  type NetworkSvgOptions,
} from "./network-svg.js";
export {
  ENGLISH_ARITHMETIC_LABELS,
  arithmeticSVG,
  type ArithmeticLabels,
  type ArithmeticSvgOptions,
} from "./arithmetic-svg.js";
export { figureCaption, type CaptionParts } from "./caption.js";
