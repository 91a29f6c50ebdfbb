/** An assertion for the SpecError a spec check throws. */
import { expect } from "vitest";
import { SpecError } from "../packages/engine/src/errors.js";

/**
 * Asserts that `fn` throws a SpecError naming `layer` and `attribute` (as fields and in the
 * message) whose message contains `text`.
 */
export function expectSpecError(
  fn: () => unknown,
  layer: string,
  attribute: string,
  text: string,
): void {
  let caught: unknown;
  try {
    fn();
  } catch (e) {
    caught = e;
  }
  expect(caught).toBeInstanceOf(SpecError);
  const err = caught as SpecError;
  expect(err.layer).toBe(layer);
  expect(err.attribute).toBe(attribute);
  expect(err.message).toContain(`layer "${layer}", attribute "${attribute}"`);
  expect(err.message).toContain(text);
}
