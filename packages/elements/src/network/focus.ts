/** Where the view is focused: a layer index (−1 is the input) and a channel of it. */
export interface NetworkFocus {
  readonly layer: number;
  readonly channel: number;
}
