/**
 * convstep for a web page, in one script:
 *
 *     <script type="module" src="/assets/convstep/convstep.js"></script>
 *     <cs-lenet-explorer variant="1998"></cs-lenet-explorer>
 *
 * The widgets' assets (TensorFlow.js's wasm binaries, the weights, the sample digits and photos)
 * are read from the folder this script was loaded from, so the whole `dist/` folder can be copied
 * anywhere and served by any static server. Each `cs-*` element is loaded the first time its tag
 * appears in the document.
 *
 * A page whose own components render widgets in a shadow root calls `observe(shadowRoot)`:
 *
 *     import { observe } from "/assets/convstep/convstep.js";
 *     observe(this.shadowRoot);
 */
import { setAssetBase } from "@convstep/elements/shared/assets.js";
import { observe } from "./autoloader.js";

// This module's own folder (not the page's): `dist/` keeps convstep.js and its assets together.
setAssetBase(new URL(/* @vite-ignore */ "./", import.meta.url));

observe(document);

export { getAssetBase, setAssetBase } from "@convstep/elements/shared/assets.js";
export { discover, ELEMENT_LOADERS, load, observe } from "./autoloader.js";
