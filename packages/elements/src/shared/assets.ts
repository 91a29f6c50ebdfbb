/**
 * Where the widgets find their assets: the wasm binaries of TensorFlow.js, the shipped weights and
 * the sample inputs. All of them sit under one base URL, laid out as
 *
 *     <base>/wasm/tfjs-backend-wasm*.wasm
 *     <base>/weights/<model>/model.json (+ .bin shards)
 *     <base>/data/<file>
 *
 * The embed script sets the base to its own folder; Storybook serves the same layout. Nothing is
 * ever fetched from a third party.
 */

let assetBase: string | undefined;

/** Sets the base URL of convstep's assets (absolute, or relative to the page). */
export function setAssetBase(url: string | URL): void {
  const text = String(url);
  assetBase = text.endsWith("/") ? text : `${text}/`;
}

/** The base URL of convstep's assets: set by `setAssetBase`, else `./convstep/` beside the page. */
export function getAssetBase(): string {
  return (
    assetBase ?? new URL("./convstep/", globalThis.document?.baseURI ?? "http://localhost/").href
  );
}

/** The absolute URL of an asset under the base, e.g. `assetUrl("weights/lenet5-1998/model.json")`. */
export function assetUrl(path: string): string {
  return new URL(path.replace(/^\/+/, ""), new URL(getAssetBase(), globalThis.document?.baseURI))
    .href;
}
