/**
 * Reading a file the user named, bounded: only regular files (`/dev/zero` or a terminal would be
 * read forever) and at most a given size, checked before reading. Errors name the file.
 */
import { open } from "node:fs/promises";
import { UsageError, fileError, quote } from "./cli-error.js";

/** A size in MB for a message: "256 MB". */
function megabytes(bytes: number): string {
  return `${Math.ceil(bytes / 2 ** 20)} MB`;
}

/**
 * The bytes of `file`, which must be a regular file of at most `maxBytes`; UsageError naming the
 * file (`cannot read "x.png": no such file`, `"/dev/zero" is not a regular file …`) otherwise.
 * `what` names what the file is for in the size message ("input files").
 */
export async function readFileBounded(
  file: string,
  maxBytes: number,
  what: string,
): Promise<Buffer> {
  try {
    const handle = await open(file, "r");
    try {
      const stat = await handle.stat();
      if (stat.isDirectory()) throw Object.assign(new Error("EISDIR"), { code: "EISDIR" });
      if (!stat.isFile()) {
        throw new UsageError(
          `${quote(file)} is not a regular file (a device, pipe or socket); give a file`,
        );
      }
      if (stat.size > maxBytes) {
        throw new UsageError(
          `${quote(file)} is ${megabytes(stat.size)}; ${what} may have at most ${megabytes(maxBytes)}`,
        );
      }
      return await handle.readFile();
    } finally {
      await handle.close();
    }
  } catch (error) {
    if (error instanceof UsageError) throw error;
    throw fileError(file, error);
  }
}
