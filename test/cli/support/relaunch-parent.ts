// Relaunches the entry named by the first argument, as the CLI does, and exits with its code.
import { relaunch } from "../../../src/cli/relaunch.js";

const [node = "", script = "", entry = "", ...rest] = process.argv;
const code = await relaunch(entry, [node, script, ...rest]);
process.exitCode = code ?? 70;
