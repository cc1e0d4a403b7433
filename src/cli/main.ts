#!/usr/bin/env node
/** The `lakewarden` executable. The program itself is in program.ts, which tests call in-process. */
import { main } from "./program.js";

process.exitCode = await main(process.argv);
