#!/usr/bin/env node
/** The `convstep` executable: runs `main` on the process' arguments and exits with its status. */
import { processIo } from "./io.js";
import { main } from "./main.js";

// A closed pipe (`convstep trace … | head`) is not an error worth a stack trace.
process.stdout.on("error", (error: NodeJS.ErrnoException) => {
  if (error.code === "EPIPE") process.exit(0);
  throw error;
});

process.exitCode = await main(process.argv.slice(2), processIo());
