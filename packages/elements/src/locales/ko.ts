/**
 * Korean translations, in the format of @lit/localize's runtime mode: message id → template. Each
 * element keeps its own file under `ko/`; the ids are the explicit `id`s of its `msg()` calls.
 */
import { templates as activationRace } from "./ko/activation-race.js";
import { templates as alexnetExplorer } from "./ko/alexnet-explorer.js";
import { templates as common } from "./ko/common.js";
import { templates as connectionTable } from "./ko/connection-table.js";
import { templates as convWindow } from "./ko/conv-window.js";
import { templates as digitPad } from "./ko/digit-pad.js";
import { templates as featureMaps } from "./ko/feature-maps.js";
import { templates as imageInput } from "./ko/image-input.js";
import { templates as lenetExplorer } from "./ko/lenet-explorer.js";
import { templates as modelSummary } from "./ko/model-summary.js";
import { templates as network } from "./ko/network.js";
import { templates as neuronMath } from "./ko/neuron-math.js";
import { templates as player } from "./ko/player.js";
import { templates as prediction } from "./ko/prediction.js";
import { templates as trainer } from "./ko/trainer.js";
import { templates as presenter } from "./ko/presenter.js";

export const templates = {
  ...activationRace,
  ...alexnetExplorer,
  ...common,
  ...connectionTable,
  ...convWindow,
  ...digitPad,
  ...featureMaps,
  ...imageInput,
  ...lenetExplorer,
  ...modelSummary,
  ...network,
  ...neuronMath,
  ...player,
  ...prediction,
  ...trainer,
  ...presenter,
};
