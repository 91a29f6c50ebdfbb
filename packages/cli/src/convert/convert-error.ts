/** The error a conversion throws for a file it cannot convert: one line, exit status 2. */
import { ConvstepError } from "@convstep/engine";

/** A model file that cannot be converted: names the file or layer, what was expected and found. */
export class ConvertError extends ConvstepError {
  constructor(message: string) {
    super("CONVERT", message);
  }
}
