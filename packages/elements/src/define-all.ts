/**
 * Registers every convstep element (`cs-*`). The one import an embed script needs:
 *
 * ```html
 * <script type="module" src="…/define-all.js"></script>
 * <cs-lenet-explorer variant="1998" step="C3:4:2,3"></cs-lenet-explorer>
 * ```
 */
import "./activation-race/define.js";
import "./alexnet-explorer/define.js";
import "./connection-table/define.js";
import "./conv-window/define.js";
import "./digit-pad/define.js";
import "./feature-maps/define.js";
import "./image-input/define.js";
import "./lenet-explorer/define.js";
import "./model-summary/define.js";
import "./network/define.js";
import "./neuron-math/define.js";
import "./player/define.js";
import "./prediction/define.js";
import "./trainer/define.js";

export * from "./index.js";
